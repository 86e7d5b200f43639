package vn.ioc.ingest.live;

import vn.ioc.warehouse.live.DruidEndpoint;
import vn.ioc.warehouse.live.DruidHttp;
import vn.ioc.warehouse.live.LiveDatasource;
import vn.ioc.warehouse.live.LocalDruid;
import vn.ioc.warehouse.live.ServiceEvent;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.ioc.ingest.IngestFixture;
import vn.ioc.warehouse.files.FileTrees;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live feed into a real local Druid (started by the code, on a JDK 17/21): generated applications' events replayed
 * in micro-batches, repeats dropped, and Druid stopped and started again in the middle of a stream, and the counts
 * Druid SQL gives compared with counts computed from the events themselves.
 */
class LiveFeedTest {
    private static final LocalDate FROM = IngestFixture.AS_OF.minusDays(13);
    private static LocalDruid druid;
    private static DruidEndpoint endpoint;
    private static List<ServiceEvent> events;
    private static Path home;

    @BeforeAll
    static void start() throws Exception {
        home = Files.createTempDirectory("ioc-druid-test-");
        druid = new LocalDruid(home.resolve("druid"), System.err::println);
        CompletableFuture<DruidEndpoint> starting = CompletableFuture.supplyAsync(druid::start);
        IngestFixture fixture = IngestFixture.get();
        events = ApplicationEvents.between(ApplicationEvents.keptApplications(fixture.spark, fixture.warehouse, fixture.extracts, IngestFixture.AS_OF),
                FROM, IngestFixture.AS_OF.plusDays(1), IngestFixture.AS_OF);
        endpoint = starting.get(5, TimeUnit.MINUTES);
    }

    @AfterAll
    static void stop() {
        if (druid != null) {
            druid.stop();
        }
        FileTrees.delete(home);
    }

    @Test
    void everyEventIsCountedOnceAndRepeatsAreDropped() {
        assertTrue(events.size() > 300, "a fortnight of a tiny extract's applications: " + events.size() + " events");
        List<ServiceEvent> withRepeats = new ArrayList<>(events);
        List<ServiceEvent> repeats = events.subList(0, 25);
        withRepeats.addAll(events.size() / 2, repeats); // the portal sent these again
        LiveDatasource datasource = new LiveDatasource(new DruidHttp(endpoint.tasks(), Duration.ofSeconds(10)), "events_once");
        LiveFeed feed = new LiveFeed(datasource, home.resolve("once.checkpoint"),
                new LiveFeed.Options(Duration.ofMillis(200), events.size() / 3, 2, Duration.ofSeconds(1), 10_000), Clock.systemUTC(), System.err::println);

        LiveFeed.Progress progress = feed.run(new ReplaySource(withRepeats, Instant.EPOCH, 0, Clock.systemUTC()));

        assertEquals(events.size(), progress.delivered());
        assertEquals(repeats.size(), progress.duplicates());
        assertTrue(progress.batches() >= 3, "micro-batches: " + progress.batches());
        assertEquals(expected(events), counted(datasource.name()));
    }

    @Test
    void aStreamResumesWithoutLossOrDuplicatesWhenDruidStopsInTheMiddle() throws Exception {
        LiveDatasource datasource = new LiveDatasource(new DruidHttp(endpoint.tasks(), Duration.ofSeconds(10)), "events_outage");
        LiveFeed feed = new LiveFeed(datasource, home.resolve("outage.checkpoint"),
                new LiveFeed.Options(Duration.ofMillis(500), 100_000, 2, Duration.ofSeconds(1), 10_000), Clock.systemUTC(), System.err::println);
        Instant from = ApplicationEvents.startOf(FROM);
        // The fortnight played back in about 40 s.
        ReplaySource replay = new ReplaySource(events, from, Duration.between(from, events.getLast().time()).toMillis() / 40_000.0, Clock.systemUTC());
        CompletableFuture<LiveFeed.Progress> feeding = CompletableFuture.supplyAsync(() -> feed.run(replay));
        Instant waitUntil = Instant.now().plusSeconds(120);
        while (feed.progress().batches() < 2 && Instant.now().isBefore(waitUntil)) {
            Thread.sleep(200);
        }
        assertTrue(feed.progress().batches() >= 2, "batches confirmed before the outage");

        druid.stop();
        Thread.sleep(3_000);
        druid.start();
        LiveFeed.Progress progress = feeding.get(5, TimeUnit.MINUTES);

        assertTrue(progress.outages() >= 1, "the feed saw Druid go away");
        assertEquals(events.size(), progress.delivered());
        assertEquals(expected(events), counted(datasource.name()));
    }

    private static Map<String, Long> expected(List<ServiceEvent> events) {
        Map<String, Long> counts = new TreeMap<>();
        events.forEach(event -> counts.merge(event.provinceCode() + " " + event.kind().wire(), 1L, Long::sum));
        return counts;
    }

    /** What Druid SQL counts, once every segment the feed published is loaded. */
    private static Map<String, Long> counted(String datasource) {
        DruidHttp coordinator = new DruidHttp(endpoint.tasks(), Duration.ofSeconds(10));
        Instant deadline = Instant.now().plusSeconds(120);
        while (coordinator.get("/druid/coordinator/v1/loadstatus").map(status -> status.path(datasource).asDouble(0)).orElse(0.0) < 100
                && Instant.now().isBefore(deadline)) {
            sleep();
        }
        DruidHttp broker = new DruidHttp(endpoint.sql(), Duration.ofSeconds(30));
        Map<String, Long> counts = new TreeMap<>();
        JsonNode rows = broker.post("/druid/v2/sql", Map.of("query", "SELECT province_code, event, SUM(events) FROM \"" + datasource
                + "\" GROUP BY 1, 2", "resultFormat", "array"));
        rows.forEach(row -> counts.put(row.get(0).asString() + " " + row.get(1).asString(), row.get(2).asLong()));
        return counts;
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
