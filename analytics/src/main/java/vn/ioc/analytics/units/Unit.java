package vn.ioc.analytics.units;

import java.util.Objects;
import java.util.Set;

/**
 * A unit indicators are read for: the nation (code {@code VN}), a province or a commune. {@code type} is the
 * unit's kind in Vietnamese (Tỉnh, Thành phố, Xã, Phường, Đặc khu); {@code tags} the peer groups it belongs to.
 */
public record Unit(UnitLevel level, String code, String name, String nameEn, String type, String provinceCode, Set<String> tags) {
    public static final Unit NATION = new Unit(UnitLevel.NATION, "VN", "Việt Nam", "Viet Nam", "Quốc gia", "", Set.of());

    public Unit {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        tags = Set.copyOf(tags);
    }
}
