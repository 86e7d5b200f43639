package vn.ioc.warehouse.live;

/** Druid did not do what was asked: unreachable, too slow, or it answered with an error, which the message names. */
public final class DruidException extends RuntimeException {
    private final boolean unavailable;
    private final boolean noSuchTable;

    DruidException(String message, boolean unavailable, Throwable cause) {
        this(message, unavailable, false, cause);
    }

    DruidException(String message, boolean unavailable, boolean noSuchTable, Throwable cause) {
        super(message, cause);
        this.unavailable = unavailable;
        this.noSuchTable = noSuchTable;
    }

    /** True when a query named a datasource Druid does not serve (yet): nothing was ingested into it, or none of it is loaded. */
    public boolean noSuchTable() {
        return noSuchTable;
    }

    /** True when Druid could not be reached or did not answer in time (worth retrying), false when it refused the request. */
    public boolean unavailable() {
        return unavailable;
    }
}
