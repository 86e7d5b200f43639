package vn.ioc.ui.base;

import vn.ioc.analytics.units.Unit;

/** The page of a unit, as a shareable link: the nation's is the overview, a province's {@code province/01}, a commune's {@code commune/00004}. */
public final class UnitLinks {
    private UnitLinks() {
    }

    public static String page(Unit unit, String kpi, String period) {
        ViewParams params = ViewParams.of("kpi", kpi, "period", period);
        return switch (unit.level()) {
            case NATION -> ViewParams.of("period", period).link("");
            case PROVINCE -> params.link("province/" + unit.code());
            case COMMUNE -> params.link("commune/" + unit.code());
        };
    }
}
