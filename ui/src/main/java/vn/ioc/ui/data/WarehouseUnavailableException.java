package vn.ioc.ui.data;

/** The warehouse cannot be reached and there is no earlier answer to show instead. */
public final class WarehouseUnavailableException extends RuntimeException {
    public WarehouseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
