package vn.ioc.ingest.quality;

import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * A validation rule: an id that the quarantine and the data-quality facts carry, what it asks of a row, and what
 * becomes of a row that fails it.
 */
public record Rule(String id, String description, Effect effect) {
    public Rule {
        requireNonNull(effect, "effect");
    }

    /** A rule whose failing rows are quarantined. */
    public Rule(String id, String description) {
        this(id, description, Effect.QUARANTINED);
    }

    /** What a failing row becomes; the data-quality facts say it in lower case, so that a figure's lineage can count by it. */
    public enum Effect {
        /** Set aside in the quarantine with a reason. */
        QUARANTINED,
        /** Dropped as a repeat of a row kept. */
        DUPLICATE,
        /** Kept, its pre-reform commune code mapped by the 2025 crosswalk. */
        MAPPED,
        /** Kept as it is (or normalised) and only counted. */
        COUNTED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
