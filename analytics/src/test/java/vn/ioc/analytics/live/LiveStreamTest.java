package vn.ioc.analytics.live;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.ioc.analytics.AnalyticsFixture;
import vn.ioc.ingest.live.ApplicationEvents;
import vn.ioc.ingest.live.LiveFeed;
import vn.ioc.ingest.live.Reconciliation;
import vn.ioc.ingest.live.ReplaySource;
import vn.ioc.warehouse.files.FileTrees;
import vn.ioc.warehouse.live.DruidEndpoint;
import vn.ioc.warehouse.live.DruidException;
import vn.ioc.warehouse.live.DruidHttp;
import vn.ioc.warehouse.live.EventKind;
import vn.ioc.warehouse.live.LiveDatasource;
import vn.ioc.warehouse.live.LocalDruid;
import vn.ioc.warehouse.live.ServiceEvent;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live path end to end on a real local Druid (started by the code, on a JDK 17/21): the fixture's generated
 * applications turned into events and replayed by the feed in micro-batches, repeats dropped, Druid stopped and
 * started again mid-stream; Druid SQL's live figures compared with figures computed here from the events, per
 * application; and the reconciliation with the warehouse the fixture's ingest loaded.
 */
class LiveStreamTest {
    private static final LocalDate FROM = AnalyticsFixture.AS_OF.minusDays(13);
    private static final LocalDate TO = AnalyticsFixture.AS_OF.plusDays(1);
    private static LocalDruid druid;
    private static DruidEndpoint endpoint;
    private static List<ServiceEvent> events;
    private static Path home;
    private static AnalyticsFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        home = Files.createTempDirectory("ioc-druid-test-");
        druid = new LocalDruid(home.resolve("druid"), System.err::println);
        CompletableFuture<DruidEndpoint> starting = CompletableFuture.supplyAsync(druid::start);
        fixture = AnalyticsFixture.get();
        events = fixture.applicationEvents(FROM, TO);
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
    void everyEventIsCountedOnceTheLiveFiguresAreRightAndTheDaysReconcileWithTheWarehouse() {
        assertTrue(events.size() > 300, "a fortnight of a tiny extract's applications: " + events.size() + " events");
        List<ServiceEvent> withRepeats = new ArrayList<>(events);
        List<ServiceEvent> repeats = events.subList(0, 25);
        withRepeats.addAll(events.size() / 2, repeats); // the portal sent these again
        LiveDatasource datasource = datasource("events_once");
        LiveFeed feed = new LiveFeed(datasource, home.resolve("once.checkpoint"),
                new LiveFeed.Options(Duration.ofMillis(200), events.size() / 3, 2, Duration.ofSeconds(1), 10_000), Clock.systemUTC(), System.err::println);

        LiveFeed.Progress progress = feed.run(new ReplaySource(withRepeats, ApplicationEvents.startOf(FROM), 0, Clock.systemUTC()));

        assertEquals(events.size(), progress.delivered());
        assertEquals(repeats.size(), progress.duplicates());
        assertTrue(progress.batches() >= 3, "micro-batches: " + progress.batches());
        assertEquals(countsByProvinceAndKind(events), counted(datasource.name(), countsByProvinceAndKind(events)));

        LiveService live = new LiveService(endpoint, datasource.name(), Duration.ofSeconds(10));
        assertEquals(expectedFigures(events, Optional.empty()), live.figures(Optional.empty()).orElseThrow());
        String busiest = events.stream().collect(Collectors.groupingBy(ServiceEvent::provinceCode, Collectors.counting())).entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertEquals(expectedFigures(events, Optional.of(busiest)), live.figures(Optional.of(busiest)).orElseThrow());

        // Druid's auto-compaction (asked for by the feed) merges the days' small segments; the counts stay.
        Instant deadline = Instant.now().plusSeconds(180);
        while (datasource.compaction().filter(compaction -> compaction.segmentsCompacted() > 0).isEmpty() && Instant.now().isBefore(deadline)) {
            sleep();
        }
        assertTrue(datasource.compaction().orElseThrow().segmentsCompacted() > 0, "auto-compaction ran: " + datasource.compaction());
        assertEquals(countsByProvinceAndKind(events), counted(datasource.name(), countsByProvinceAndKind(events)));

        Reconciliation reconciliation = new Reconciliation(new DruidHttp(endpoint.sql(), Duration.ofSeconds(30)), datasource.name(), fixture.writer);
        Reconciliation.Outcome outcome = reconciliation.compare(FROM, TO);
        assertTrue(outcome.agrees(), "the fortnight's applications per day agree: " + outcome.differences());
        assertTrue(outcome.live() > 100 && outcome.live() == outcome.warehouse(), outcome.toString());
        // The week before the stream began: Druid has only the applications still open at its start.
        Reconciliation.Outcome weekBefore = reconciliation.compare(FROM.minusDays(7), FROM);
        assertFalse(weekBefore.agrees());
        assertTrue(weekBefore.differences().stream().allMatch(d -> d.live() < d.warehouse() && d.day().compareTo(FROM.toString()) < 0),
                weekBefore.differences().toString());
    }

    @Test
    void aStreamResumesWithoutLossOrDuplicatesWhenDruidStopsInTheMiddle() throws Exception {
        LiveDatasource datasource = datasource("events_outage");
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
        assertEquals(countsByProvinceAndKind(events), counted(datasource.name(), countsByProvinceAndKind(events)));
    }

    @Test
    void aFeedStoppedAndStartedAgainResumesFromItsCheckpointWithoutLossOrDuplicates() throws Exception {
        LiveDatasource datasource = datasource("events_restart");
        Path checkpoint = home.resolve("restart.checkpoint");
        LiveFeed.Options options = new LiveFeed.Options(Duration.ofMillis(300), 100_000, 2, Duration.ofSeconds(1), 10_000);
        Instant from = ApplicationEvents.startOf(FROM);
        // The fortnight played back in about 30 s; the feed is stopped once it has delivered something.
        LiveFeed first = new LiveFeed(datasource, checkpoint, options, Clock.systemUTC(), System.err::println);
        ReplaySource replay = new ReplaySource(events, from, Duration.between(from, events.getLast().time()).toMillis() / 30_000.0, Clock.systemUTC());
        CompletableFuture<LiveFeed.Progress> feeding = CompletableFuture.supplyAsync(() -> first.run(replay));
        Instant waitUntil = Instant.now().plusSeconds(120);
        while (first.progress().batches() < 1 && Instant.now().isBefore(waitUntil)) {
            Thread.sleep(200);
        }
        first.stop();
        LiveFeed.Progress before = feeding.get(2, TimeUnit.MINUTES);
        assertTrue(before.delivered() > 0 && before.delivered() < events.size(), "stopped mid-stream: " + before);

        // As a new process would: nothing remembered but the checkpoint file; the rest as fast as it goes.
        LiveFeed second = new LiveFeed(datasource, checkpoint, options, Clock.systemUTC(), System.err::println);
        LiveFeed.Progress after = second.run(new ReplaySource(events, from, 0, Clock.systemUTC()));

        assertEquals(events.size(), before.delivered() + after.delivered(), "before the stop " + before + ", after " + after);
        assertEquals(countsByProvinceAndKind(events), counted(datasource.name(), countsByProvinceAndKind(events)));
    }

    @Test
    void druidsErrorsAndAnAbsentDruidAreNamed() throws Exception {
        LiveService live = new LiveService(endpoint, "no_events_yet", Duration.ofSeconds(10));
        assertEquals(Optional.empty(), live.figures(Optional.empty()), "a datasource nothing was fed to yet has no figures");
        DruidException refused = assertThrows(DruidException.class, () -> live.query("SELECT no_such_column FROM sys.segments", List.of()));
        assertFalse(refused.unavailable());
        assertTrue(refused.getMessage().contains("HTTP 400") && refused.getMessage().contains("no_such_column"), refused.getMessage());

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort);
        DruidException absent = assertThrows(DruidException.class,
                () -> new LiveService(new DruidEndpoint(nowhere, nowhere), "service_events", Duration.ofSeconds(2)).figures(Optional.empty()));
        assertTrue(absent.unavailable());
        assertTrue(absent.getMessage().contains("not reachable") && absent.getMessage().contains(nowhere.toString()), absent.getMessage());
    }

    private static LiveDatasource datasource(String name) {
        return new LiveDatasource(new DruidHttp(endpoint.tasks(), Duration.ofSeconds(10)), name);
    }

    private static Map<String, Long> countsByProvinceAndKind(List<ServiceEvent> events) {
        Map<String, Long> counts = new TreeMap<>();
        events.forEach(event -> counts.merge(event.provinceCode() + " " + event.kind().wire(), 1L, Long::sum));
        return counts;
    }

    /** The live figures worked out per application from the events: open, overdue, due by tonight. */
    private static LiveFigures expectedFigures(List<ServiceEvent> all, Optional<String> province) {
        Instant now = all.getLast().time().truncatedTo(ChronoUnit.MINUTES); // Druid rolls events up to the minute
        LocalDate today = LocalDate.ofInstant(now, ServiceEvent.ZONE);
        List<ServiceEvent> events = all.stream().filter(e -> province.map(e.provinceCode()::equals).orElse(true)).toList();
        Map<String, List<ServiceEvent>> byApplication = events.stream().collect(Collectors.groupingBy(e -> e.id().substring(0, e.id().indexOf('/'))));
        long backlog = 0;
        long overdue = 0;
        long overdueTonight = 0;
        for (List<ServiceEvent> application : byApplication.values()) {
            Set<EventKind> kinds = application.stream().map(ServiceEvent::kind).collect(Collectors.toSet());
            boolean open = kinds.contains(EventKind.SUBMITTED) && !kinds.contains(EventKind.RESOLVED) && !kinds.contains(EventKind.REJECTED);
            LocalDate due = application.getFirst().dueDay();
            long weight = application.getFirst().weight(); // the applications it stands for, when the extract is a sample
            backlog += open ? weight : 0;
            overdue += open && kinds.contains(EventKind.OVERDUE) ? weight : 0;
            overdueTonight += open && (kinds.contains(EventKind.OVERDUE) || due != null && !due.isAfter(today)) ? weight : 0;
        }
        List<ServiceEvent> submittedToday = events.stream()
                .filter(e -> e.kind() == EventKind.SUBMITTED && LocalDate.ofInstant(e.time(), ServiceEvent.ZONE).equals(today)).toList();
        long lastHour = events.stream().filter(e -> e.kind() == EventKind.SUBMITTED && e.time().truncatedTo(ChronoUnit.MINUTES).isAfter(now.minus(Duration.ofHours(1))))
                .mapToLong(ServiceEvent::weight).sum();
        long resolvedToday = events.stream()
                .filter(e -> e.kind() == EventKind.RESOLVED && LocalDate.ofInstant(e.time(), ServiceEvent.ZONE).equals(today)).mapToLong(ServiceEvent::weight).sum();
        return new LiveFigures(now, submittedToday.stream().mapToLong(ServiceEvent::weight).sum(), lastHour, resolvedToday, backlog, overdue, overdueTonight,
                top(submittedToday, ServiceEvent::serviceCode, ServiceEvent::serviceName), top(submittedToday, ServiceEvent::communeCode, e -> ""));
    }

    private static List<LiveFigures.Load> top(List<ServiceEvent> submitted, Function<ServiceEvent, String> unit, Function<ServiceEvent, String> name) {
        Map<String, long[]> loads = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (ServiceEvent event : submitted) {
            names.put(unit.apply(event), name.apply(event));
            long[] load = loads.computeIfAbsent(unit.apply(event), code -> new long[2]);
            load[0] += event.weight();
            load[1] += event.channel().equals("trực tiếp") ? event.weight() : 0;
        }
        return loads.entrySet().stream().map(e -> new LiveFigures.Load(e.getKey(), names.get(e.getKey()), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingLong(LiveFigures.Load::applications).reversed().thenComparing(LiveFigures.Load::code)).limit(5).toList();
    }

    /**
     * What Druid SQL counts once it serves everything the feed published (confirmed tasks' segments are loaded by the
     * historical within seconds): asked again until it equals {@code expected}, for at most two minutes.
     */
    private static Map<String, Long> counted(String datasource, Map<String, Long> expected) {
        DruidHttp broker = new DruidHttp(endpoint.sql(), Duration.ofSeconds(30));
        Instant deadline = Instant.now().plusSeconds(120);
        while (true) {
            Map<String, Long> counts = new TreeMap<>();
            try {
                JsonNode rows = broker.post("/druid/v2/sql", Map.of("query",
                        "SELECT province_code, event, SUM(events) FROM \"" + datasource + "\" GROUP BY 1, 2", "resultFormat", "array"));
                rows.forEach(row -> counts.put(row.get(0).asString() + " " + row.get(1).asString(), row.get(2).asLong()));
            } catch (DruidException e) {
                if (!e.noSuchTable()) {
                    throw e; // else: no segment of the datasource is served yet
                }
            }
            if (counts.equals(expected) || Instant.now().isAfter(deadline)) {
                return counts;
            }
            sleep();
        }
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
