package vn.ioc.ingest.input;

/** The input cannot be ingested as delivered; the message names the file and what is wrong. */
public final class InputException extends RuntimeException {
    public InputException(String message) {
        super(message);
    }
}
