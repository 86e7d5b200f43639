package vn.ioc.datasets.units;

import static java.util.Objects.requireNonNull;

/**
 * One line of the old-to-new commune crosswalk of 1 July 2025.
 *
 * @param oldProvinceCode the pre-reform province (of 63), where the reference data gives it, else empty
 * @param newCode  the current commune, empty when {@code status} is {@link Status#UNMAPPED}
 * @param share    the part of the old commune that went to the new one: 1 unless the old commune was split,
 *                 then split equally among its new communes (the documented rule: the crosswalk has no areas)
 * @param oldParts how many old communes merged into the new one
 */
public record CrosswalkEntry(String oldCode, String oldName, String oldDistrict, String oldProvince, String oldProvinceCode, String newCode,
                             String newProvinceCode, double share, int oldParts, Status status) {
    public CrosswalkEntry {
        requireNonNull(oldCode, "oldCode");
        requireNonNull(oldProvinceCode, "oldProvinceCode");
        requireNonNull(newCode, "newCode");
        requireNonNull(status, "status");
    }

    public enum Status {
        /** Maps to a current commune. */
        MAPPED,
        /** Maps to a current commune found by its name, the crosswalk's code for it being out of date. */
        MAPPED_BY_NAME,
        /** A pre-reform commune the crosswalk does not place: explicitly unmapped. */
        UNMAPPED;

        public boolean mapped() {
            return this != UNMAPPED;
        }
    }

    public boolean split() {
        return share < 1.0;
    }
}
