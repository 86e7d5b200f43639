package vn.ioc.analytics.catalogue;

/** The legend band a value falls in; {@code NONE} where an indicator has no bands or no value. */
public enum Status { GREEN, AMBER, RED, NONE }
