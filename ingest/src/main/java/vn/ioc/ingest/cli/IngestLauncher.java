package vn.ioc.ingest.cli;

import org.apache.spark.sql.SparkSession;
import vn.ioc.datasets.cli.GenerateCommand;
import vn.ioc.datasets.generator.ExtractFormat;
import vn.ioc.datasets.generator.GeneratorOptions;
import vn.ioc.datasets.generator.Manifest;
import vn.ioc.datasets.generator.Scale;
import vn.ioc.ingest.IngestJob;
import vn.ioc.ingest.live.ApplicationEvents;
import vn.ioc.ingest.live.LiveFeed;
import vn.ioc.ingest.live.ReplaySource;
import vn.ioc.ingest.quality.SourcePipeline;
import vn.ioc.ingest.sample.SampleDesign;
import vn.ioc.ingest.spark.LocalSpark;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.cli.DemoCommand;
import vn.ioc.warehouse.cli.LauncherModule;
import vn.ioc.warehouse.live.DruidEndpoint;
import vn.ioc.warehouse.live.DruidHttp;
import vn.ioc.warehouse.live.LiveDatasource;
import vn.ioc.warehouse.live.ServiceEvent;
import vn.ioc.warehouse.server.WarehouseServer;
import vn.ioc.warehouse.server.WarehouseUsers;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The ingest module's part of the launcher: {@code ioc ingest}, and the demo's first load. */
public final class IngestLauncher implements LauncherModule {
    /** Where the demo keeps the extracts it generates (see {@code ioc generate}). */
    static final Path DEMO_EXTRACTS = Path.of("var", "extracts");

    @Override
    public List<Object> commands() {
        return List.of(new IngestCommand(), new LiveCommand(), new SparkCommand());
    }

    @Override
    public List<Object> benchmarks() {
        return List.of(new IngestBenchmark());
    }

    /**
     * Loads the demo extracts (generating them first if need be) into a warehouse without facts, or, after a
     * migration rebuilt a fact table, the sources whose facts are empty.
     */
    @Override
    public List<DemoStep> demoSteps() {
        return List.of(IngestLauncher::loadFacts, IngestLauncher::replayLive);
    }

    private static void loadFacts(WarehouseServer server, PrintStream out) {
        WarehouseConnection warehouse = server.connection(WarehouseUsers.WRITER, "ioc");
        // Extracts of an older generator lack what the facts are now made from: generated anew and all loaded again.
        boolean current = IngestCommand.manifest(DEMO_EXTRACTS).filter(manifest -> Manifest.GENERATOR.equals(manifest.path("generator").asString()))
                .isPresent() && Files.isRegularFile(DEMO_EXTRACTS.resolve(SampleDesign.FILE));
        if (!current) {
            out.println("facts: generating demo extracts into " + DEMO_EXTRACTS + " (1% of the country, "
                    + GeneratorOptions.HISTORY_MONTHS + " months of history)");
            GenerateCommand.run(new GeneratorOptions(Scale.DEMO, 1, DEMO_EXTRACTS, ExtractFormat.CSV, GeneratorOptions.DEFAULT_DEFECT_RATE,
                    Set.of(), GeneratorOptions.DEFAULT_AS_OF, Runtime.getRuntime().availableProcessors()), null);
        }
        // The demo's data is a sample: facts loaded before ingest weighed samples by their design are loaded again.
        boolean reload = !current || !hasRows(warehouse, "sample_design");
        List<SourcePipeline> missing = IngestCommand.pipelines(GeneratorOptions.HISTORY_MONTHS).stream()
                .filter(pipeline -> reload || !hasRows(warehouse, pipeline.definition().factTable())).toList();
        if (missing.isEmpty()) {
            out.println("facts: already loaded (run `ioc ingest --input DIR` to load new extracts)");
            return;
        }
        SparkSession spark = LocalSpark.session("ioc-demo");
        try {
            LocalDate asOf = IngestCommand.manifestAsOf(DEMO_EXTRACTS);
            for (SourcePipeline pipeline : missing) {
                IngestJob.Outcome outcome = new IngestJob(spark, warehouse, Path.of("var", "quarantine"), System.err::println)
                        .run(pipeline, DEMO_EXTRACTS, asOf.withDayOfMonth(1), asOf);
                out.printf(Locale.ROOT, "facts: %s %,d rows read, %,d quarantined, %,d facts%n", outcome.source(), outcome.read(),
                        outcome.quarantined(), outcome.factRows());
            }
        } finally {
            spark.stop();
        }
    }

    /**
     * With {@code ioc demo --live}: the demo extract's last day replayed into the local Druid (which the demo started), 60 times faster than it
     * happened, in the background; resumed where it stopped when the demo runs again.
     */
    private static void replayLive(WarehouseServer server, PrintStream out) {
        if (!Boolean.getBoolean(DemoCommand.LIVE_PROPERTY)) {
            return;
        }
        LocalDate asOf = IngestCommand.manifestAsOf(DEMO_EXTRACTS);
        List<ServiceEvent> events;
        SparkSession spark = LocalSpark.session("ioc-demo-live");
        try {
            events = ApplicationEvents.between(ApplicationEvents.keptApplications(spark, server.connection(WarehouseUsers.WRITER, "ioc"),
                    DEMO_EXTRACTS, asOf), asOf, asOf.plusDays(1), asOf);
        } finally {
            spark.stop();
        }
        DruidEndpoint druid = DruidEndpoint.local();
        LiveFeed feed = new LiveFeed(new LiveDatasource(new DruidHttp(druid.tasks(), Duration.ofSeconds(30)), LiveDatasource.DEFAULT_NAME),
                Path.of("var", "live", "demo.checkpoint"), LiveFeed.Options.DEFAULT, Clock.systemUTC(), System.err::println);
        Thread.ofPlatform().daemon().name("live-replay").start(() -> {
            try {
                LiveFeed.Progress done = feed.run(new ReplaySource(events, ApplicationEvents.startOf(asOf), 60, Clock.systemUTC()));
                System.err.printf(Locale.ROOT, "live: the replay of %s is done (%,d events delivered)%n", asOf, done.delivered());
            } catch (RuntimeException e) {
                System.err.println("live: the replay stopped: " + e.getMessage() + " (the rest of the demo goes on)");
            }
        });
        out.printf(Locale.ROOT, "live: replaying %,d events of %s into Druid at %s, 60 times faster than they happened%n", events.size(), asOf, druid.sql());
    }

    private static boolean hasRows(WarehouseConnection warehouse, String table) {
        try (Connection connection = warehouse.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count() FROM " + table)) {
            rows.next();
            return rows.getLong(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + table + " at " + warehouse.url() + ": " + e.getMessage(), e);
        }
    }
}
