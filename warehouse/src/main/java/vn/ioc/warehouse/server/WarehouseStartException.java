package vn.ioc.warehouse.server;

/** The warehouse cannot start as configured; the message says what to change. */
public final class WarehouseStartException extends RuntimeException {
    public WarehouseStartException(String message) {
        super(message);
    }

    public WarehouseStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
