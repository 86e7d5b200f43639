package vn.ioc.warehouse.npm;

/** A package could not be fetched, verified or unpacked; the message says which and why. */
public final class NpmPackageException extends RuntimeException {
    public NpmPackageException(String message) {
        super(message);
    }

    public NpmPackageException(String message, Throwable cause) {
        super(message, cause);
    }
}
