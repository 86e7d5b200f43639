package vn.ioc.ui.alerts;

import vn.ioc.analytics.units.UnitLevel;

import java.time.Instant;
import java.util.Objects;

/**
 * What an admin or a provincial leader asks to be told: for an indicator ({@code kpi}), each unit of {@code level}
 * inside {@code scope} (the nation or a province; a province itself at the province level) whose latest month's
 * value falls below or rises above {@code threshold}, falls off track for its target, loses at least {@code places}
 * places in its ranking, or has no data for the month (missing, or not yet loaded: late).
 */
public record AlertRule(String id, Kind kind, String kpi, String scope, UnitLevel level, Double threshold, Integer places, String owner,
                        Instant created) {
    public AlertRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(kpi, "kpi");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(level, "level");
    }

    public enum Kind {
        /** The value is below the threshold. */
        BELOW,
        /** The value is above the threshold. */
        ABOVE,
        /** The pace to target says off track. */
        OFF_TRACK,
        /** The unit lost at least this many places since the month before. */
        RANK_DROP,
        /** The unit has no value for the month. */
        DATA_MISSING
    }
}
