package vn.ioc.warehouse.engine;

/** The embedded engine cannot be fetched, loaded or started here; the message says why and what to do. */
public final class EngineUnavailableException extends RuntimeException {
    public EngineUnavailableException(String message) {
        super(message);
    }

    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
