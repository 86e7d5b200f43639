package vn.ioc.analytics.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.ioc.analytics.service.AnalyticsService;
import vn.ioc.analytics.service.AnalyticsService.BreakdownQuery;
import vn.ioc.analytics.service.AnalyticsService.IndexQuery;
import vn.ioc.analytics.service.AnalyticsService.RankingQuery;
import vn.ioc.analytics.service.AnalyticsService.SeriesQuery;
import vn.ioc.analytics.service.AnalyticsService.ValueQuery;
import vn.ioc.analytics.privacy.SmallCountSuppression;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.server.WarehouseServer;
import vn.ioc.warehouse.server.WarehouseUsers;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code ioc bench analytics}: p50 and p95 of every query the dashboard makes (KPI value, series, breakdown,
 * province ranking, commune ranking in the largest province, index with contributions), through the service API
 * and the JDBC driver, on national-scale facts in a throw-away embedded warehouse.
 */
@Command(name = "analytics", mixinStandardHelpOptions = true,
        description = "p50/p95 of the dashboard's analytics queries on national-scale facts (target: p95 <= 50 ms each).")
public final class AnalyticsBenchmark implements Runnable {
    private static final double TARGET_MS = 50;
    private static final String PERIOD = "2026-10";
    private static final List<String> KPIS = List.of("population.id_card_rate_14plus", "vaccination.covid_primary_series",
            "vaccination.doses_last_30_days", "education.enrolment_primary", "services.online_application_rate", "services.on_time_rate");

    @Option(names = "--runs", description = "timed runs of each query after 3 warm-up runs (default: ${DEFAULT-VALUE})", defaultValue = "40")
    int runs;

    @Option(names = "--keep", description = "keep the benchmark's warehouse in this folder (serve it with `ioc warehouse start --data`)")
    Path keep;

    @Override
    public void run() {
        NationalWarehouse.serve(keep, "analytics", this::measure);
    }

    private void measure(WarehouseServer server) throws SQLException {
        NationalWarehouse.prepare(server, System.out);
        WarehouseConnection reader = server.connection(WarehouseUsers.READER, "ioc");
        try (AnalyticsService store = AnalyticsService.open(reader, SmallCountSuppression.DEFAULT_K, true);
             AnalyticsService facts = AnalyticsService.open(reader, SmallCountSuppression.DEFAULT_K, false)) {
            report(queries(store), store, facts);
        }
    }

    /** The dashboard's queries, by name: what a leader's screens ask for. */
    private static Map<String, Function<AnalyticsService, Object>> queries(AnalyticsService service) {
        String largest = service.provinces().stream().max(Comparator.comparingInt(p -> service.communes(p.code()).size())).orElseThrow().code();
        Map<String, Function<AnalyticsService, Object>> queries = new LinkedHashMap<>();
        for (String kpi : KPIS) {
            queries.put("value       " + kpi + " VN", api -> api.value(new ValueQuery(kpi, "VN", PERIOD)));
            queries.put("value       " + kpi + " " + largest, api -> api.value(new ValueQuery(kpi, largest, PERIOD)));
            queries.put("series 12m  " + kpi + " " + largest, api -> api.series(new SeriesQuery(kpi, largest, PERIOD, 12)));
            queries.put("provinces   " + kpi, api -> api.ranking(new RankingQuery(kpi, UnitLevel.PROVINCE, "VN", PERIOD, Set.of())));
            queries.put("communes    " + kpi + " in " + largest, api -> api.ranking(new RankingQuery(kpi, UnitLevel.COMMUNE, largest, PERIOD, Set.of())));
        }
        queries.put("breakdown   population.id_card_rate_14plus " + largest + " by age_band",
                api -> api.breakdown(new BreakdownQuery("population.id_card_rate_14plus", largest, PERIOD, "age_band")));
        queries.put("communes    services.on_time_rate nationally",
                api -> api.ranking(new RankingQuery("services.on_time_rate", UnitLevel.COMMUNE, "VN", PERIOD, Set.of())));
        queries.put("index       index_766 provinces", api -> api.index(new IndexQuery("index_766", UnitLevel.PROVINCE, "VN", PERIOD)));
        queries.put("index       index_ioc communes in " + largest, api -> api.index(new IndexQuery("index_ioc", UnitLevel.COMMUNE, largest, PERIOD)));
        return queries;
    }

    /**
     * Times each query through the KPI store (what the dashboard reads) and from the facts, alternating run by run so
     * that both see the same machine, and says where their answers differ.
     */
    private void report(Map<String, Function<AnalyticsService, Object>> queries, AnalyticsService store, AnalyticsService facts) {
        System.out.printf(Locale.ROOT, "queries: %d timed runs each after 3 warm-up runs, through the service API and JDBC (ms); "
                + "the dashboard reads the KPI store where it answers (breakdowns and days come from the facts)%n", runs);
        System.out.printf(Locale.ROOT, "%-72s %8s %8s %9s %9s %7s%n", "query", "p50", "p95", "facts p50", "facts p95", "ratio");
        int missed = 0;
        double worst = 0;
        for (Map.Entry<String, Function<AnalyticsService, Object>> query : queries.entrySet()) {
            List<Double> fromStore = new ArrayList<>();
            List<Double> fromFacts = new ArrayList<>();
            boolean same = true;
            for (int i = 0; i < runs + 3; i++) {
                long start = System.nanoTime();
                Object stored = query.getValue().apply(store);
                long middle = System.nanoTime();
                Object read = query.getValue().apply(facts);
                long end = System.nanoTime();
                same &= i > 0 || stored.equals(read);
                if (i >= 3) {
                    fromStore.add((middle - start) / 1e6);
                    fromFacts.add((end - middle) / 1e6);
                }
            }
            fromStore.sort(Double::compare);
            fromFacts.sort(Double::compare);
            double p95 = percentile(fromStore, 0.95);
            worst = Math.max(worst, p95);
            missed += p95 > TARGET_MS ? 1 : 0;
            System.out.printf(Locale.ROOT, "%-72s %8.1f %8.1f %9.1f %9.1f %6.1fx%s%n", query.getKey(), percentile(fromStore, 0.5), p95,
                    percentile(fromFacts, 0.5), percentile(fromFacts, 0.95), percentile(fromFacts, 0.95) / p95,
                    (p95 > TARGET_MS ? "  over target" : "") + (same ? "" : "  ANSWERS DIFFER from the facts"));
        }
        System.out.printf(Locale.ROOT, "target p95 <= %.0f ms: %s (%d of %d queries over; worst p95 %.1f ms)%n", TARGET_MS,
                missed == 0 ? "met" : "missed", missed, queries.size(), worst);
    }

    /** The nearest-rank percentile of sorted times (the dashboard's benchmark reports the same way). */
    public static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
