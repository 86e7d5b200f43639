package vn.ioc.ui.live;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.ui.access.CurrentUser;
import vn.ioc.ui.access.DashboardUser;
import vn.ioc.ui.access.Role;
import vn.ioc.ui.alerts.AlertEvaluator;
import vn.ioc.ui.alerts.AlertFiring;
import vn.ioc.ui.alerts.AlertRule;
import vn.ioc.ui.alerts.AlertStore;
import vn.ioc.ui.alerts.Alerts;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ioc.analytics.AnalyticsFixture;
import vn.ioc.analytics.live.LiveFigures;
import vn.ioc.analytics.live.LiveService;
import vn.ioc.ingest.live.LiveFeed;
import vn.ioc.ingest.live.ReplaySource;
import vn.ioc.ui.BrowserTest;
import vn.ioc.ui.DashboardTestData;
import vn.ioc.ui.IocDashboard;
import vn.ioc.ui.Relay;
import vn.ioc.ui.wall.WallView;
import vn.ioc.warehouse.files.FileTrees;
import vn.ioc.warehouse.live.DruidEndpoint;
import vn.ioc.warehouse.live.DruidHttp;
import vn.ioc.warehouse.live.EventKind;
import vn.ioc.warehouse.live.LiveDatasource;
import vn.ioc.warehouse.live.LocalDruid;
import vn.ioc.warehouse.live.ServiceEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Live page and a wall's live slide in a real browser, over a real local Druid the fixture's last fortnight of
 * applications was replayed into: both show the figures Druid SQL gives for Hà Nội ({@code src/test/e2e/live.mjs});
 * what they read is shared for a moment, and kept, marked stale, while Druid is out of reach.
 */
@SpringBootTest(classes = IocDashboard.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveBrowserTest {
    private static final String PROVINCE = "01";
    private static Path home;
    private static LocalDruid druid;
    private static DruidEndpoint endpoint;
    private static List<ServiceEvent> heldBack;
    private static LiveDatasource datasource;
    private static long fedEvents;

    @LocalServerPort
    private int port;
    @Autowired
    private Alerts alerts;
    @Autowired
    private AlertStore alertStore;
    @Autowired
    private AlertEvaluator evaluator;
    @Autowired
    private CurrentUser currentUser;
    private static final DashboardUser HANOI = new DashboardUser("hanoi", Role.PROVINCIAL_LEADER, Optional.of(PROVINCE), "{noop}");

    @DynamicPropertySource
    static void warehouseAndDruid(DynamicPropertyRegistry registry) {
        DashboardTestData.register(registry);
        registry.add("ioc.live.druid-url", () -> DruidEndpoint.local().sql().toString());
    }

    @AfterAll
    static void stop() {
        if (druid != null) {
            druid.stop();
        }
        FileTrees.delete(home);
    }

    @Test
    void theLivePageAndTheWallShowDruidsFiguresAndTheWallFollowsTheStream(@TempDir Path signals) throws Exception {
        LiveService live = new LiveService(endpoint, LiveDatasource.DEFAULT_NAME, Duration.ofSeconds(10));
        LiveFigures figures = live.figures(Optional.of(PROVINCE)).orElseThrow();
        assertTrue(figures.today() > 0 && figures.backlog() > 0, "Hà Nội has applications today and a backlog: " + figures);
        String expected = String.join(",", List.of(Long.toString(figures.today()), Long.toString(figures.backlog()), Long.toString(figures.overdueNow()),
                figures.topServices().getFirst().name(), signals.toString(), Long.toString(WallView.REFRESH_INTERVAL.toMillis())));

        Process script = BrowserTest.startScript("live.mjs", "http://127.0.0.1:" + port, expected);
        for (int i = 0; i < 1200 && !Files.exists(signals.resolve("wall-shown")) && script.isAlive(); i++) {
            Thread.sleep(250);
        }
        if (Files.exists(signals.resolve("wall-shown"))) {
            // The rest of the day arrives while the wall shows its live slide: it must follow without a reload.
            feed(heldBack, "rest-of-day.checkpoint");
            awaitServed(live, fedEvents + heldBack.size());
            long today = live.figures(Optional.of(PROVINCE)).orElseThrow().today();
            assertTrue(today > figures.today(), "the rest of the day adds applications today: " + today + " after " + figures.today());
            // Written whole, then moved in: the script reads the file as soon as it exists.
            Path written = Files.writeString(signals.resolve("fed.partial"), today + "\n" + System.currentTimeMillis());
            Files.move(written, signals.resolve("fed"), StandardCopyOption.ATOMIC_MOVE);
        }
        if (!script.waitFor(300, TimeUnit.SECONDS)) {
            script.destroyForcibly().waitFor();
        }
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, script.exitValue(), "live.mjs failed:\n" + output);
        assertTrue(output.contains("ok:"), output);
        System.err.println("live test: " + output.strip());
        for (String shot : List.of("16-live-vi", "17-live-en", "18-wall-live", "19-wall-live-followed")) {
            assertTrue(Files.size(BrowserTest.SHOTS.resolve(shot + ".png")) > 10_000, shot + " saved");
        }
    }

    @Test
    void pagesAndWallsShareAReadingAndKeepTheLastOneMarkedStaleWhileDruidIsAway() throws Exception {
        try (Relay network = new Relay(endpoint.sql().getPort())) {
            LiveBoard board = new LiveBoard("http://127.0.0.1:" + network.port(), LiveDatasource.DEFAULT_NAME, 10_000);
            LiveFigures first = board.read(Optional.of(PROVINCE)).figures().orElseThrow();
            assertSame(first, board.read(Optional.of(PROVINCE)).figures().orElseThrow(), "read again at once: the same reading");
            Thread.sleep(2_100);
            LiveFigures later = board.read(Optional.of(PROVINCE)).figures().orElseThrow();
            assertNotSame(first, later, "read again after 2 s: Druid asked again");
            assertEquals(first, later);

            network.cut();
            Thread.sleep(2_100);
            LiveBoard.Reading away = board.read(Optional.of(PROVINCE));
            assertTrue(away.stale(), "Druid out of reach: " + away);
            assertSame(later, away.figures().orElseThrow(), "the last figures are given again");
            assertTrue(away.problem().contains("127.0.0.1:" + network.port()), away.problem());
        }
    }

    @Test
    void aLiveRuleFiresOnTheLiveFiguresOnceADay() {
        LiveFigures figures = new LiveService(endpoint, LiveDatasource.DEFAULT_NAME, Duration.ofSeconds(10)).figures(Optional.of(PROVINCE)).orElseThrow();
        AlertRule rule = currentUser.as(HANOI, () -> alerts.add(new Alerts.Draft(AlertRule.Kind.LIVE_BACKLOG, null, PROVINCE, UnitLevel.PROVINCE,
                (double) figures.backlog() - 1, null)));
        List<AlertFiring> fired = alertStore.firings().stream().filter(firing -> firing.rule().equals(rule.id())).toList();
        assertEquals(1, fired.size(), "Hà Nội's backlog is over the threshold: " + fired);
        assertTrue(fired.getFirst().value() > rule.threshold(), fired.getFirst().toString());
        assertEquals(LocalDate.ofInstant(figures.asOf(), ServiceEvent.ZONE).toString(), fired.getFirst().period(), "a live rule fires once a day");
        assertEquals(List.of(), evaluator.evaluate(List.of(rule)), "not twice the same day");
        currentUser.as(HANOI, () -> {
            alerts.remove(rule.id());
            return null;
        });
    }

    /**
     * A local Druid, started once, with the fixture's last fortnight of applications replayed into the default datasource
     * and served; before the dashboard's context (not while Spring reads its properties), so a Druid that fails to start
     * or serve is reported with its own reason, not as "Failed to load ApplicationContext".
     */
    @BeforeAll
    static void startAndFeedDruid() {
        try {
            home = Files.createTempDirectory("ioc-live-browser-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        druid = new LocalDruid(home.resolve("druid"), System.err::println);
        DruidEndpoint started = druid.start();
        LocalDate from = AnalyticsFixture.AS_OF.minusDays(13);
        List<ServiceEvent> events = DashboardTestData.fixture().applicationEvents(from, AnalyticsFixture.AS_OF.plusDays(1));
        // Held back: the later half of Hà Nội's applications on the last day (and everything after the first of them).
        List<Instant> submitted = events.stream().filter(event -> event.kind() == EventKind.SUBMITTED && event.provinceCode().equals(PROVINCE)
                && LocalDate.ofInstant(event.time(), ServiceEvent.ZONE).equals(AnalyticsFixture.AS_OF)).map(ServiceEvent::time).sorted().toList();
        assertTrue(submitted.size() >= 2, "Hà Nội has applications on the last day: " + submitted);
        Instant cut = submitted.get(submitted.size() / 2);
        heldBack = events.stream().filter(event -> !event.time().isBefore(cut)).toList();
        datasource = new LiveDatasource(new DruidHttp(started.tasks(), Duration.ofSeconds(10)), LiveDatasource.DEFAULT_NAME);
        Instant feeding = Instant.now();
        fedEvents = feed(events.stream().filter(event -> event.time().isBefore(cut)).toList(), "feed.checkpoint");
        Instant fed = Instant.now();
        awaitServed(new LiveService(started, LiveDatasource.DEFAULT_NAME, Duration.ofSeconds(10)), fedEvents);
        System.err.println("live test: " + fedEvents + " events fed in " + Duration.between(feeding, fed).toSeconds() + " s, served "
                + Duration.between(fed, Instant.now()).toSeconds() + " s later");
        endpoint = started;
    }

    /** Replays events into the datasource as fast as it takes them (a feed of its own: its checkpoint file is new); how many were delivered. */
    private static long feed(List<ServiceEvent> events, String checkpoint) {
        return new LiveFeed(datasource, home.resolve(checkpoint), LiveFeed.Options.DEFAULT, Clock.systemUTC(), System.err::println)
                .run(new ReplaySource(events, events.getFirst().time(), 0, Clock.systemUTC())).delivered();
    }

    /** Waits until Druid SQL counts every event fed (the historical loads what the tasks published within seconds). */
    private static void awaitServed(LiveService live, long fed) {
        Instant deadline = Instant.now().plusSeconds(240);
        while (live.eventsServed() != fed) {
            assertTrue(Instant.now().isBefore(deadline), "Druid serves the " + fed + " events fed within four minutes");
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
