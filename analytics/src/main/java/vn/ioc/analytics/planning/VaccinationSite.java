package vn.ioc.analytics.planning;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A commune (or province) doses are sent to: its target residents, those already covered, the doses it already
 * holds, and how many doses it can store in all (none: no limit).
 */
public record VaccinationSite(String code, String name, long targetResidents, long covered, long held, OptionalLong capacity) {
    public VaccinationSite {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(capacity, "capacity");
        if (targetResidents < 0 || covered < 0 || held < 0 || capacity.orElse(0) < 0) {
            throw new IllegalArgumentException("site " + code + ": target residents, covered, held and capacity cannot be negative");
        }
        if (capacity.isPresent() && held > capacity.getAsLong()) {
            throw new IllegalArgumentException("site " + code + ": holds " + held + " doses, more than its capacity of " + capacity.getAsLong());
        }
    }

    /** Target residents not yet covered, less the doses already there for them. */
    public long need() {
        return Math.max(0, targetResidents - covered - held);
    }

    /** The most doses it can still take. */
    public long room() {
        return capacity.isPresent() ? capacity.getAsLong() - held : Long.MAX_VALUE;
    }

    /** Coverage once {@code doses} more arrive (each dose covering one resident), in percent of the target. */
    public double coverageWith(long doses) {
        return targetResidents == 0 ? 100 : 100.0 * Math.min(targetResidents, covered + held + doses) / targetResidents;
    }
}
