package vn.ioc.ui.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ioc.analytics.lineage.Lineage;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.catalogue.PlausibleRange;
import vn.ioc.analytics.ranking.Ranking;
import vn.ioc.analytics.service.AnalyticsService.RankingQuery;
import vn.ioc.analytics.service.AnalyticsService.PaceQuery;
import vn.ioc.analytics.service.AnalyticsService.SeriesQuery;
import vn.ioc.analytics.service.AnalyticsService.ValueQuery;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.analytics.pace.Pace;
import vn.ioc.analytics.values.KpiValue;
import vn.ioc.ui.data.DashboardData;
import vn.ioc.ui.data.Fresh;

import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * KPI values, series and rankings for other IOC screens, with the dashboard's users (HTTP Basic) and scoping.
 * Every answer says when the warehouse gave it and whether it is stale. OpenAPI description: {@code /v3/api-docs}.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "indicators", description = "KPI values, series and rankings of the nation, provinces and communes")
public final class KpiApi {
    private final DashboardData data;

    public KpiApi(DashboardData data) {
        this.data = data;
    }

    /** An indicator as the catalogue defines it, with the range its values can plausibly take (null: unbounded). */
    public record KpiDefinition(String id, String domain, String nameVi, String nameEn, String unit, String direction, boolean byCommune,
                                PlausibleRange plausible) {
        static KpiDefinition of(Kpi kpi) {
            return new KpiDefinition(kpi.id(), kpi.domain(), kpi.name().vi(), kpi.name().en(), kpi.unit(),
                    kpi.direction().name().toLowerCase(Locale.ROOT), kpi.keptByCommune(), kpi.plausible());
        }
    }

    @Operation(summary = "The indicators")
    @GetMapping("/kpis")
    public List<KpiDefinition> kpis() {
        return data.catalogue().kpis().stream().map(KpiDefinition::of).toList();
    }

    @Operation(summary = "One indicator's value for a unit and period")
    @GetMapping("/values/{kpi}")
    public Fresh<KpiValue> value(@PathVariable String kpi,
                                 @Parameter(description = "VN, a 2-digit province or a 5-digit commune code") @RequestParam(defaultValue = "VN") String unit,
                                 @Parameter(description = "2026-10-05, 2026-10, 2026-Q3, 2026 or 2026-10-YTD") @RequestParam String period) {
        Fresh<KpiValue> answer = data.value(new ValueQuery(kpi, unit, period));
        if (answer.value().value() == null) {
            throw new NoSuchElementException("no data for " + kpi + " in " + unit + " for " + period);
        }
        return answer;
    }

    @Operation(summary = "One indicator's values for a unit over the periods ending with the given one")
    @GetMapping("/series/{kpi}")
    public Fresh<List<KpiValue>> series(@PathVariable String kpi, @RequestParam(defaultValue = "VN") String unit, @RequestParam String period,
                                        @RequestParam(defaultValue = "12") int periods) {
        if (periods < 1 || periods > 120) {
            throw new IllegalArgumentException("periods must be 1 to 120, got " + periods);
        }
        return data.series(new SeriesQuery(kpi, unit, period, periods));
    }

    @Operation(summary = "Where a value comes from: its formula's amounts, the extracts, ingest runs and rows behind it, the crosswalk's part and suppression")
    @GetMapping("/lineage/{kpi}")
    public Fresh<Lineage> lineage(@PathVariable String kpi, @RequestParam(defaultValue = "VN") String unit, @RequestParam String period) {
        return data.lineage(new ValueQuery(kpi, unit, period));
    }

    @Operation(summary = "Whether a unit reaches an indicator's target in time at its pace (Theil-Sen trend of the last 12 months to the period's last)")
    @GetMapping("/pace/{kpi}")
    public Fresh<Pace> pace(@PathVariable String kpi, @RequestParam(defaultValue = "VN") String unit, @RequestParam String period) {
        return data.pace(new PaceQuery(kpi, unit, period));
    }

    @Operation(summary = "Provinces nationally, or the communes of a province (or of the nation), ranked by an indicator")
    @GetMapping("/rankings/{kpi}")
    public Fresh<Ranking> ranking(@PathVariable String kpi,
                                  @Parameter(description = "province or commune") @RequestParam(defaultValue = "province") String level,
                                  @Parameter(description = "VN, or a province code for its communes") @RequestParam(defaultValue = "VN") String scope,
                                  @RequestParam String period,
                                  @Parameter(description = "peer groups, all of which a unit must belong to") @RequestParam(required = false) Set<String> groups) {
        UnitLevel by = switch (level) {
            case "province" -> UnitLevel.PROVINCE;
            case "commune" -> UnitLevel.COMMUNE;
            default -> throw new IllegalArgumentException("level must be province or commune, got '" + level + "'");
        };
        Fresh<Ranking> answer = data.ranking(new RankingQuery(kpi, by, scope, period, groups));
        if (answer.value().units().stream().allMatch(unit -> unit.value().value() == null)) {
            throw new NoSuchElementException("no data for " + kpi + " in " + scope + " for " + period);
        }
        return answer;
    }
}
