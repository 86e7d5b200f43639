package vn.ioc.datasets.units;

import static java.util.Objects.requireNonNull;

/**
 * A commune-level unit (xã, phường or đặc khu) of the two-level system, by its 5-digit GSO code.
 *
 * @param population residents, calibrated to NSO 2024 where the reference data is present, else an estimate
 */
public record Commune(String code, String name, String fullName, String nameEn, CommuneType type, String provinceCode,
                      long population, double areaKm2) {
    public Commune {
        requireNonNull(code, "code");
        requireNonNull(name, "name");
        requireNonNull(fullName, "fullName");
        requireNonNull(nameEn, "nameEn");
        requireNonNull(type, "type");
        requireNonNull(provinceCode, "provinceCode");
    }
}
