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
import vn.ioc.datasets.units.AddressDatabase;
import vn.ioc.datasets.units.ReferenceUnits;
import vn.ioc.datasets.units.ReferenceUnitsLoader;
import vn.ioc.datasets.units.SharedReferenceData;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.engine.EngineLibrary;
import vn.ioc.warehouse.files.FileTrees;
import vn.ioc.warehouse.npm.NpmPackageCache;
import vn.ioc.warehouse.schema.MigrationRunner;
import vn.ioc.warehouse.server.ServerOptions;
import vn.ioc.warehouse.server.WarehouseServer;
import vn.ioc.warehouse.server.WarehouseUsers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
        try {
            Path data = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("ioc-bench-analytics-");
            try (WarehouseServer server = WarehouseServer.start(ServerOptions.defaults(data).withPort(0),
                    EngineLibrary.fromEnvironment(System.err::println).resolve(), System.err::println)) {
                measure(server);
            } finally {
                if (keep == null) {
                    FileTrees.delete(data);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("benchmark failed: " + e.getMessage(), e);
        }
    }

    private void measure(WarehouseServer server) throws SQLException {
        WarehouseConnection writer = server.connection(WarehouseUsers.WRITER, "ioc");
        new MigrationRunner(writer).migrate();
        new ReferenceUnitsLoader(writer).load(ReferenceUnits.build(AddressDatabase.fetch(NpmPackageCache.fromEnvironment(System.err::println)),
                SharedReferenceData.locate(Optional.empty())));
        Map<String, Long> rows;
        try (Connection connection = writer.open()) {
            rows = NationalFacts.insert(connection, System.out);
        }
        System.out.printf(Locale.ROOT, "data: %,d fact rows at national scale (34 provinces, 3,321 communes), synthesised in ClickHouse%n",
                rows.values().stream().mapToLong(Long::longValue).sum());
        try (AnalyticsService service = AnalyticsService.open(server.connection(WarehouseUsers.READER, "ioc"), SmallCountSuppression.DEFAULT_K)) {
            String largest = service.provinces().stream().max(Comparator.comparingInt(p -> service.communes(p.code()).size()))
                    .orElseThrow().code();
            Map<String, Runnable> queries = new LinkedHashMap<>();
            for (String kpi : KPIS) {
                queries.put("value       " + kpi + " VN", () -> service.value(new ValueQuery(kpi, "VN", PERIOD)));
                queries.put("value       " + kpi + " " + largest, () -> service.value(new ValueQuery(kpi, largest, PERIOD)));
                queries.put("series 12m  " + kpi + " " + largest, () -> service.series(new SeriesQuery(kpi, largest, PERIOD, 12)));
                queries.put("provinces   " + kpi, () -> service.ranking(new RankingQuery(kpi, UnitLevel.PROVINCE, "VN", PERIOD, Set.of())));
                queries.put("communes    " + kpi + " in " + largest,
                        () -> service.ranking(new RankingQuery(kpi, UnitLevel.COMMUNE, largest, PERIOD, Set.of())));
            }
            queries.put("breakdown   population.id_card_rate_14plus " + largest + " by age_band",
                    () -> service.breakdown(new BreakdownQuery("population.id_card_rate_14plus", largest, PERIOD, "age_band")));
            queries.put("communes    services.on_time_rate nationally",
                    () -> service.ranking(new RankingQuery("services.on_time_rate", UnitLevel.COMMUNE, "VN", PERIOD, Set.of())));
            queries.put("index       index_766 provinces", () -> service.index(new IndexQuery("index_766", UnitLevel.PROVINCE, "VN", PERIOD)));
            queries.put("index       index_ioc communes in " + largest, () -> service.index(new IndexQuery("index_ioc", UnitLevel.COMMUNE, largest, PERIOD)));
            report(queries);
        }
    }

    private void report(Map<String, Runnable> queries) {
        System.out.printf(Locale.ROOT, "queries: %d timed runs each after 3 warm-up runs, through the service API and JDBC (ms)%n", runs);
        System.out.printf(Locale.ROOT, "%-75s %8s %8s%n", "query", "p50", "p95");
        int missed = 0;
        double worst = 0;
        for (Map.Entry<String, Runnable> query : queries.entrySet()) {
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < runs + 3; i++) {
                long start = System.nanoTime();
                query.getValue().run();
                if (i >= 3) {
                    times.add((System.nanoTime() - start) / 1e6);
                }
            }
            times.sort(Double::compare);
            double p50 = percentile(times, 0.50);
            double p95 = percentile(times, 0.95);
            worst = Math.max(worst, p95);
            missed += p95 > TARGET_MS ? 1 : 0;
            System.out.printf(Locale.ROOT, "%-75s %8.1f %8.1f%s%n", query.getKey(), p50, p95, p95 > TARGET_MS ? "  over target" : "");
        }
        System.out.printf(Locale.ROOT, "target p95 <= %.0f ms: %s (%d of %d queries over; worst p95 %.1f ms)%n", TARGET_MS,
                missed == 0 ? "met" : "missed", missed, queries.size(), worst);
    }

    /** The nearest-rank percentile of sorted times. */
    private static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
