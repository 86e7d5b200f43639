package vn.ioc.analytics.service;

import vn.ioc.analytics.units.UnitLevel;

import java.util.Objects;

/** A unit as callers name it: {@code VN} for the nation, a 2-digit province code, or a 5-digit commune code. */
public record UnitRef(UnitLevel level, String code) {
    public UnitRef {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(code, "code");
    }

    public static UnitRef parse(String code) {
        String text = Objects.requireNonNull(code, "unit code").strip();
        if (text.equalsIgnoreCase("VN")) {
            return new UnitRef(UnitLevel.NATION, "VN");
        } else if (text.matches("\\d{2}")) {
            return new UnitRef(UnitLevel.PROVINCE, text);
        } else if (text.matches("\\d{5}")) {
            return new UnitRef(UnitLevel.COMMUNE, text);
        }
        throw new IllegalArgumentException("'" + code + "' is not a unit code: write VN, a 2-digit province or a 5-digit commune code");
    }
}
