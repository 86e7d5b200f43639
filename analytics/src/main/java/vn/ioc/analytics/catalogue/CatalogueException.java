package vn.ioc.analytics.catalogue;

/** The KPI catalogue or an index definition is wrong; the message names the entry and the field. */
public final class CatalogueException extends RuntimeException {
    public CatalogueException(String message) {
        super(message);
    }

    public CatalogueException(String message, Throwable cause) {
        super(message, cause);
    }
}
