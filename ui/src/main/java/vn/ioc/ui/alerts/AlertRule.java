package vn.ioc.ui.alerts;

import vn.ioc.analytics.units.UnitLevel;

import java.time.Instant;
import java.util.Objects;

/**
 * What an admin or a provincial leader asks to be told: for an indicator ({@code kpi}), each unit of {@code level}
 * inside {@code scope} (the nation or a province; a province itself at the province level) whose latest month's
 * value falls below or rises above {@code threshold}, falls off track for its target, loses at least {@code places}
 * places in its ranking, or has no data for the month (missing, or not yet loaded: late); or, from the live feed of
 * the public-service portal, whose open applications right now are more than {@code threshold} (its indicator is
 * then {@link #LIVE_KPI}, and it fires once a day).
 */
public record AlertRule(String id, Kind kind, String kpi, String scope, UnitLevel level, Double threshold, Integer places, String owner,
                        Instant created) {
    /** The indicator a live rule is filed under: the applications the portal receives. */
    public static final String LIVE_KPI = "services.applications";

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
        DATA_MISSING,
        /** Live: the province's open applications right now are more than the threshold. */
        LIVE_BACKLOG;

        /** Whether the rule reads the live feed (evaluated at every check while one is connected) rather than the KPI store. */
        public boolean live() {
            return this == LIVE_BACKLOG;
        }
    }
}
