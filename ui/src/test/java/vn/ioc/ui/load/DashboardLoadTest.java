package vn.ioc.ui.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ioc.ui.DashboardTestData;
import vn.ioc.ui.IocDashboard;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The short load test: Gatling replays the dashboard's exchange for 10 sessions and 2 wall screens for 20 s on the
 * test data, and any error fails it (figures are the benchmark's, `ioc bench load`). Then the exchange is broken the ways a server
 * breaks it, and the load must notice: a wrong password, a page that does not exist.
 */
@SpringBootTest(classes = IocDashboard.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardLoadTest {
    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void warehouse(DynamicPropertyRegistry registry) {
        DashboardTestData.register(registry);
    }

    private LoadPlan plan(String password, int sessions, int seconds, List<String> locations, Path folder, LoadPlan.Walls walls) {
        return new LoadPlan("http://127.0.0.1:" + port, "quocgia", password, sessions, 1, seconds, locations, folder.resolve("figures.txt"), walls,
                LoadPlan.rampUpFor(seconds));
    }

    @Test
    void tenSessionsForTwentySecondsWithoutAnError() throws Exception {
        // Kept under target/ for a failure's Gatling log.
        Path folder = Path.of("target", "load-test");
        String period = DashboardTestData.period();
        List<String> views = List.of("/?unit=VN&period=" + period, "/?unit=79&period=" + period, "/rankings?kpi=population.verified_rate&period=" + period,
                "/province/79?kpi=vaccination.covid_primary_series&period=" + period, "/map?kpi=population.verified_rate&period=" + period,
                "/quality?unit=VN&period=" + period, "/definitions");
        GatlingRun.Result result = GatlingRun.run(plan("demo-quocgia", 10, 20, views, folder,
                new LoadPlan.Walls(2, "manhinh", "demo-manhinh", "/wall/nhanh")), folder, OptionalInt.empty());
        assertEquals(List.of(), result.errors(), "see " + result.log());
        assertEquals(10 + 2, result.signedIn());
        assertEquals(10 + 2, result.landings().size(), "each session and wall screen landed once");
        assertTrue(result.views().size() >= 10 * 3, result.views().size() + " views once all sessions were on");
        // The wall screens stayed connected and the server kept pushing to them.
        assertEquals(2, result.wallPushes().size(), result.toString());
        assertTrue(result.wallPushes().stream().allMatch(pushed -> pushed > 0), result.toString());
    }

    @Test
    void theLoadNoticesWhatABrowserWould(@TempDir Path folder) throws Exception {
        GatlingRun.Result refused = GatlingRun.run(plan("wrong", 2, 3, List.of("/definitions"), folder.resolve("refused"), LoadPlan.Walls.NONE), folder.resolve("refused"),
                OptionalInt.empty());
        assertEquals(0, refused.signedIn());
        assertTrue(refused.errors().contains("sign-in"), refused.errors().toString());
        assertEquals(List.of("sign-in", "sign-in"), refused.errors(), "a refused session ends there, counted once");
        GatlingRun.Result missing = GatlingRun.run(plan("demo-quocgia", 1, 3, List.of("/no-such-view"), folder.resolve("missing"), LoadPlan.Walls.NONE),
                folder.resolve("missing"), OptionalInt.empty());
        assertTrue(missing.views().isEmpty() && missing.landings().isEmpty() && !missing.errors().isEmpty(), missing.toString());
    }
}
