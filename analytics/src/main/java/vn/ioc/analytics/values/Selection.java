package vn.ioc.analytics.values;

import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;

import java.util.List;
import java.util.Objects;

/**
 * What a query reads: the units of level {@code by} inside {@code scope} (the scope itself when the levels
 * match), for each of {@code periods}, split by {@code dimension} (none when null).
 */
record Selection(UnitLevel by, Unit scope, List<Period> periods, String dimension) {
    Selection {
        Objects.requireNonNull(by, "level");
        Objects.requireNonNull(scope, "scope");
        periods = List.copyOf(periods);
        if (by.ordinal() < scope.level().ordinal()) {
            throw new IllegalArgumentException("cannot read " + by + " values inside a " + scope.level());
        }
    }
}
