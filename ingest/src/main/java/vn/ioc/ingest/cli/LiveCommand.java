package vn.ioc.ingest.cli;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.ioc.ingest.live.ApplicationEvents;
import vn.ioc.ingest.live.LiveFeed;
import vn.ioc.ingest.live.Reconciliation;
import vn.ioc.ingest.live.ReplaySource;
import vn.ioc.ingest.spark.LocalSpark;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.live.DruidEndpoint;
import vn.ioc.warehouse.live.DruidHttp;
import vn.ioc.warehouse.live.LiveDatasource;
import vn.ioc.warehouse.live.LocalDruid;
import vn.ioc.warehouse.live.ServiceEvent;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** {@code ioc live replay|reconcile}: the live stream of public-service applications into Druid, and its check against the warehouse. */
@Command(name = "live", mixinStandardHelpOptions = true, description = "The live feed of public-service applications into Apache Druid.",
        subcommands = {LiveCommand.Replay.class, LiveCommand.Reconcile.class})
final class LiveCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Where the stream goes: IOC_DRUID_URL's Druid, else the local one in {@code data} (started when it is not running). */
    static DruidEndpoint endpoint(Path data) {
        return DruidEndpoint.configured().orElseGet(() -> new LocalDruid(data, System.err::println).start());
    }

    static final class Stream {
        @Option(names = "--input", description = "the portal's extract, as `ioc generate` writes it (default: ${DEFAULT-VALUE})", defaultValue = "var/extracts")
        Path input;

        @Option(names = "--from", description = "first local day, yyyy-MM-dd (default: the extract's as-of day)")
        LocalDate from;

        @Option(names = "--days", description = "how many days (default: ${DEFAULT-VALUE})", defaultValue = "1")
        int days;

        @Option(names = "--datasource", description = "Druid datasource (default: ${DEFAULT-VALUE})", defaultValue = LiveDatasource.DEFAULT_NAME)
        String datasource;

        @Option(names = "--druid-data", description = "the local Druid's folder, when IOC_DRUID_URL is not set (default: ${DEFAULT-VALUE})",
                defaultValue = "var/druid")
        Path druidData;

        LocalDate from(LocalDate asOf) {
            if (days < 1 || days > 366) {
                throw new IllegalArgumentException("--days must be 1 to 366, not " + days);
            }
            return from != null ? from : asOf;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Replay the applications of the extract (those ingest keeps) as a live stream into Druid: submitted, accepted, "
                    + "resolved, rejected and overdue events in micro-batches, --speed times faster than they happened.")
    static final class Replay implements Callable<Integer> {
        @CommandLine.Mixin
        Stream stream;

        @Option(names = "--speed", description = "speed-up: 60 plays an hour in a minute, 0 as fast as possible (default: ${DEFAULT-VALUE})",
                defaultValue = "60")
        double speed;

        @Option(names = "--checkpoint", description = "what the feed has sent, for a restart to resume without loss or repeats (default: ${DEFAULT-VALUE})",
                defaultValue = "var/live/feed.checkpoint")
        Path checkpoint;

        @Override
        public Integer call() {
            LocalDate asOf = IngestCommand.manifestAsOf(stream.input);
            LocalDate from = stream.from(asOf);
            List<ServiceEvent> events;
            SparkSession spark = LocalSpark.session("ioc-live-replay");
            try {
                events = ApplicationEvents.between(ApplicationEvents.keptApplications(spark, WarehouseConnection.fromEnvironment(), stream.input, asOf),
                        from, from.plusDays(stream.days), asOf);
            } finally {
                spark.stop();
            }
            Instant start = ApplicationEvents.startOf(from);
            long earlier = events.stream().filter(event -> event.time().isBefore(start)).count();
            System.out.printf(Locale.ROOT, "%,d events from %s for %d day(s) (%,d of them earlier events of applications still open)%n",
                    events.size(), from, stream.days, earlier);
            DruidEndpoint endpoint = endpoint(stream.druidData);
            LiveFeed feed = new LiveFeed(new LiveDatasource(new DruidHttp(endpoint.tasks(), Duration.ofSeconds(30)), stream.datasource),
                    checkpoint, LiveFeed.Options.DEFAULT, Clock.systemUTC(), System.err::println);
            Runtime.getRuntime().addShutdownHook(new Thread(feed::stop));
            ReplaySource replay = new ReplaySource(events, start, speed, Clock.systemUTC());
            Instant started = Instant.now();
            ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
            reporter.scheduleAtFixedRate(() -> report(feed.progress(), replay.streamTime(), started), 10, 10, TimeUnit.SECONDS);
            LiveFeed.Progress done;
            try {
                done = feed.run(replay);
            } finally {
                reporter.shutdownNow();
            }
            report(done, replay.streamTime(), started);
            double seconds = Duration.between(started, done.confirmedAt()).toMillis() / 1000.0;
            System.out.printf(Locale.ROOT, "feed: %,d events confirmed in %.1f s: %,.0f events/s (first batch sent to last confirmed)%n",
                    done.delivered(), seconds, done.delivered() / seconds);
            System.out.printf(Locale.ROOT, "feed sustained: %,.0f events/s (%,d events after the first batch of %,d)%n",
                    done.sustainedRate(), done.delivered() - done.firstBatch(), done.firstBatch());
            return 0;
        }

        private static void report(LiveFeed.Progress progress, Instant streamTime, Instant started) {
            System.out.printf(Locale.ROOT, "stream at %s: %,d events delivered in %d s, %,d repeats dropped, %,d batches, %,d sent again, %d outage(s)%n",
                    streamTime.atZone(ServiceEvent.ZONE).toLocalDateTime().withNano(0), progress.delivered(),
                    Duration.between(started, Instant.now()).toSeconds(), progress.duplicates(), progress.batches(), progress.resent(), progress.outages());
        }
    }

    @Command(name = "reconcile", mixinStandardHelpOptions = true,
            description = "Compare the applications Druid counted per day with those the monthly ingest loaded into the warehouse "
                    + "(IOC_WAREHOUSE_URL), by province, commune, service and channel. Exit 1 when they differ.")
    static final class Reconcile implements Callable<Integer> {
        @CommandLine.Mixin
        Stream stream;

        @Override
        public Integer call() {
            LocalDate from = stream.from(IngestCommand.manifestAsOf(stream.input));
            DruidEndpoint endpoint = endpoint(stream.druidData);
            Reconciliation.Outcome outcome = new Reconciliation(new DruidHttp(endpoint.sql(), Duration.ofSeconds(60)), stream.datasource,
                    WarehouseConnection.fromEnvironment()).compare(from, from.plusDays(stream.days));
            System.out.printf(Locale.ROOT, "%s to %s: %,d applications in Druid, %,d in the warehouse, %,d keys (day, commune, service, channel)%n",
                    outcome.from(), outcome.to().minusDays(1), outcome.live(), outcome.warehouse(), outcome.keys());
            outcome.differences().stream().limit(50).forEach(d -> System.out.printf(Locale.ROOT, "  differs: %s %s %s %s %s: Druid %,d, warehouse %,d%n",
                    d.day(), d.province(), d.commune(), d.service(), d.channel(), d.live(), d.warehouse()));
            System.out.println(outcome.agrees() ? "agree" : outcome.differences().size() + " key(s) differ");
            return outcome.agrees() ? 0 : 1;
        }
    }
}
