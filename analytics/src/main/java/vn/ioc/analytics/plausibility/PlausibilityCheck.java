package vn.ioc.analytics.plausibility;

import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.catalogue.PlausibleRange;
import vn.ioc.analytics.ranking.RankedUnit;
import vn.ioc.analytics.service.AnalyticsService;
import vn.ioc.analytics.units.UnitLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every indicator of every province for a period against the values real data can take ({@code plausible} in the
 * catalogue): a value outside is a fault of the data or of a computation, and is listed with what it should be.
 */
public final class PlausibilityCheck {
    /** One value outside its indicator's range. */
    public record Outlier(String kpi, String unit, double value, PlausibleRange range) {
        @Override
        public String toString() {
            return kpi + " of " + unit + " = " + value + ", outside " + range;
        }
    }

    /** What was checked: values compared, and those outside. */
    public record Outcome(String period, int values, List<Outlier> outliers) {
    }

    private final AnalyticsService service;

    public PlausibilityCheck(AnalyticsService service) {
        this.service = service;
    }

    public Outcome check(String period) {
        List<Outlier> outliers = new ArrayList<>();
        int values = 0;
        for (Kpi kpi : service.kpis()) {
            var ranking = service.ranking(new AnalyticsService.RankingQuery(kpi.id(), UnitLevel.PROVINCE, "VN", period, Set.of()));
            for (RankedUnit ranked : ranking.units()) {
                Double value = ranked.value().value();
                if (value == null) {
                    continue;
                }
                values++;
                if (!kpi.plausible().contains(value)) {
                    outliers.add(new Outlier(kpi.id(), ranked.value().unit().code(), value, kpi.plausible()));
                }
            }
        }
        return new Outcome(period, values, List.copyOf(outliers));
    }
}
