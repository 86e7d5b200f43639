package vn.ioc.warehouse.engine;

/** What a caller may do with an engine connection. Read connections run with {@code readonly=2}. */
public enum Access {
    READ,
    WRITE
}
