package vn.ioc.analytics.units;

import java.util.NoSuchElementException;

/** A province, commune or peer group code that the reference units do not know. */
public final class UnknownUnitException extends NoSuchElementException {
    public UnknownUnitException(String message) {
        super(message);
    }
}
