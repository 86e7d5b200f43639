package vn.ioc.ingest.load;

/** The warehouse refused or could not be reached for a load; the message names the URL. */
public final class LoadException extends RuntimeException {
    public LoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
