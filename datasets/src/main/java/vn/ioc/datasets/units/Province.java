package vn.ioc.datasets.units;

import static java.util.Objects.requireNonNull;

/**
 * A provincial unit (tỉnh or thành phố) as of the 2025 reform, by its GSO code.
 *
 * @param population residents, calibrated to NSO 2024 where the reference data is present, else an estimate
 */
public record Province(String code, String name, String fullName, String nameEn, String unitType, long population, double areaKm2) {
    public Province {
        requireNonNull(code, "code");
        requireNonNull(name, "name");
        requireNonNull(fullName, "fullName");
        requireNonNull(nameEn, "nameEn");
        requireNonNull(unitType, "unitType");
    }
}
