package vn.ioc.warehouse.live;

/** Druid did not do what was asked: unreachable, too slow, or it answered with an error, which the message names. */
public final class DruidException extends RuntimeException {
    private final boolean unavailable;

    DruidException(String message, boolean unavailable, Throwable cause) {
        super(message, cause);
        this.unavailable = unavailable;
    }

    /** True when Druid could not be reached or did not answer in time (worth retrying), false when it refused the request. */
    public boolean unavailable() {
        return unavailable;
    }
}
