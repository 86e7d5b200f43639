package vn.ioc.analytics.values;

/** The warehouse could not answer an indicator query (unreachable, or the schema is behind). */
public final class WarehouseQueryException extends RuntimeException {
    public WarehouseQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
