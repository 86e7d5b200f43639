package vn.ioc.analytics.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.ioc.analytics.live.LiveFigures;
import vn.ioc.analytics.live.LiveService;
import vn.ioc.datasets.cli.BenchExtracts;
import vn.ioc.warehouse.cli.ChildJvm;
import vn.ioc.warehouse.files.FileTrees;
import vn.ioc.warehouse.live.DruidEndpoint;
import vn.ioc.warehouse.live.DruidHttp;
import vn.ioc.warehouse.live.LiveDatasource;
import vn.ioc.warehouse.live.LocalDruid;
import vn.ioc.warehouse.server.WarehouseServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ioc bench live}: generated applications' events replayed into Druid as fast as the feed goes ({@code ioc live
 * replay --speed 0}, in a JVM of its own: the feed's events come from Spark), sustained events per second; then the live
 * view's figures timed, nationally and for a province, p50/p95/p99.
 */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = "Replay generated application events into a local Druid as fast as possible, then time the live queries.")
final class LiveBenchmark implements java.util.concurrent.Callable<Integer> {
    static final double TARGET_EVENTS_PER_SECOND = 5_000;
    static final double TARGET_P95_MS = 200;
    private static final Pattern RATE = Pattern.compile("feed: ([\\d,]+) events confirmed");
    private static final Pattern SUSTAINED = Pattern.compile("feed sustained: ([\\d,]+) events/s");

    @Option(names = "--scale", description = "tiny, demo or national (default: ${DEFAULT-VALUE})", defaultValue = "national")
    String scale;

    @Option(names = "--provinces", split = ",", description = "provinces generated (default: ${DEFAULT-VALUE})", defaultValue = "48")
    List<String> provinces;

    @Option(names = "--days", description = "days of events replayed, up to the extract's as-of day (default: ${DEFAULT-VALUE})", defaultValue = "7")
    int days;

    @Option(names = "--runs", description = "timed runs of the live figures per scope (default: ${DEFAULT-VALUE})", defaultValue = "50")
    int runs;

    @Override
    public Integer call() throws Exception {
        if (days < 1 || days > 31 || runs < 5 || runs > 1000) {
            throw new IllegalArgumentException("--days must be 1 to 31 and --runs 5 to 1000");
        }
        Path work = Files.createTempDirectory("ioc-bench-live-");
        LocalDruid druid = new LocalDruid(work.resolve("druid"), System.err::println);
        try {
            DruidEndpoint endpoint = druid.start();
            String datasource = "bench_events_" + Instant.now().getEpochSecond();
            BenchExtracts extracts = BenchExtracts.generate(work, scale, provinces);
            String fed;
            try (WarehouseServer server = extracts.server()) {
                System.out.println(extracts.summary());
                fed = ChildJvm.run(List.of("live", "replay", "--speed", "0", "--input", extracts.extracts().toString(),
                        "--from", extracts.asOf().minusDays(days - 1L).toString(), "--days", Integer.toString(days), "--datasource", datasource,
                        "--druid-data", druid.home().toString(), "--checkpoint", work.resolve("bench.checkpoint").toString()),
                        Map.of("IOC_WAREHOUSE_URL", extracts.writer().url(), "IOC_WAREHOUSE_USER", extracts.writer().user(),
                                "IOC_WAREHOUSE_PASSWORD", extracts.writer().password()));
            }
            Matcher rate = RATE.matcher(fed);
            Matcher sustained = SUSTAINED.matcher(fed);
            if (!rate.find() || !sustained.find()) {
                throw new IllegalStateException("the replay did not say how fast it fed (a stream of one batch has no sustained rate: add --days)");
            }
            // Sustained: from the first batch confirmed to the last, once the indexer is at work (the first batch also
            // carries the earlier events of every application still open, spread over weeks of days).
            double eventsPerSecond = Double.parseDouble(sustained.group(1).replace(",", ""));
            System.out.printf(Locale.ROOT, "target >= %,.0f events/s sustained: %s%n", TARGET_EVENTS_PER_SECOND, eventsPerSecond >= TARGET_EVENTS_PER_SECOND
                    ? "met" : String.format(Locale.ROOT, "MISSED (%,.0f events/s, %.1fx short)", eventsPerSecond, TARGET_EVENTS_PER_SECOND / eventsPerSecond));
            LiveService live = new LiveService(endpoint, datasource, Duration.ofSeconds(10));
            awaitServed(live, Long.parseLong(rate.group(1).replace(",", "")));
            List<Optional<String>> scopes = List.of(Optional.empty(), Optional.of(provinces.getFirst()));
            // Warm-up: a fresh broker plans SQL several times slower until its JIT has compiled the planner; a dashboard's
            // broker runs for days.
            for (int i = 0; i < 100; i++) {
                scopes.forEach(live::figures);
            }
            LiveDatasource events = new LiveDatasource(new DruidHttp(endpoint.tasks(), Duration.ofSeconds(30)), datasource);
            // As fed (every batch's small segments), then once Druid's auto-compaction has merged each day's segments:
            // a live feed runs between the two, its past days compacted and today's latest batches not yet.
            double justFed = time(live, scopes, "just fed, " + events.compaction().map(LiveBenchmark::segments).orElse("compaction not yet run"));
            double compacted = time(live, scopes, "compacted, " + segments(awaitCompacted(events)));
            target("just fed", justFed);
            target("compacted", compacted);
            return 0;
        } finally {
            druid.stop();
            FileTrees.delete(work);
        }
    }

    /** Waits until Druid SQL counts every event delivered (the historical loads what the tasks published within seconds). */
    private static void awaitServed(LiveService live, long delivered) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(300);
        while (live.eventsServed() != delivered) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Druid serves " + live.eventsServed() + " of the " + delivered + " events delivered after 5 minutes");
            }
            Thread.sleep(500);
        }
    }

    private static void target(String state, double worstP95) {
        System.out.printf(Locale.ROOT, "target live p95 <= %.0f ms (%s): %s%n", TARGET_P95_MS, state, worstP95 <= TARGET_P95_MS ? "met"
                : String.format(Locale.ROOT, "MISSED (%.0f ms, %.1fx over)", worstP95, worstP95 / TARGET_P95_MS));
    }

    /** Waits until Druid's auto-compaction has no day left to compact (at most 20 minutes; the local coordinator runs it every 10 s). */
    private static LiveDatasource.Compaction awaitCompacted(LiveDatasource events) throws InterruptedException {
        Instant start = Instant.now();
        Instant deadline = start.plus(Duration.ofMinutes(20));
        Thread.sleep(25_000); // a run after the last batch
        while (true) {
            Optional<LiveDatasource.Compaction> status = events.compaction();
            if (status.isPresent() && status.get().intervalsAwaiting() == 0) {
                System.out.printf(Locale.ROOT, "auto-compaction caught up in %d s%n", Duration.between(start, Instant.now()).toSeconds());
                return status.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Druid's auto-compaction has not caught up after 20 minutes: " + status.map(LiveBenchmark::segments).orElse("no run"));
            }
            Thread.sleep(5_000);
        }
    }

    private static String segments(LiveDatasource.Compaction status) {
        return String.format(Locale.ROOT, "%,d segments of %,d days awaiting compaction, %,d compacted", status.segmentsAwaiting(), status.intervalsAwaiting(),
                status.segmentsCompacted());
    }

    /** The live figures (4 Druid SQL queries, as a page refresh asks them) timed per scope; returns the worst p95 in ms. */
    private double time(LiveService live, List<Optional<String>> scopes, String state) {
        double worst = 0;
        for (Optional<String> scope : scopes) {
            worst = Math.max(worst, time(live, scope, state));
        }
        return worst;
    }

    private double time(LiveService live, Optional<String> scope, String state) {
        List<Double> millis = new ArrayList<>();
        LiveFigures last = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            last = live.figures(scope).orElseThrow();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        millis.sort(Double::compare);
        double p95 = AnalyticsBenchmark.percentile(millis, 0.95);
        System.out.printf(Locale.ROOT, "live figures (%s; %s): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms over %d runs; today %,d applications, backlog %,d, "
                        + "overdue %,d, by tonight %,d%n", scope.map(code -> "province " + code).orElse("nation"), state, AnalyticsBenchmark.percentile(millis, 0.5),
                p95, AnalyticsBenchmark.percentile(millis, 0.99), runs, last.today(), last.backlog(), last.overdueNow(), last.overdueTonight());
        return p95;
    }
}
