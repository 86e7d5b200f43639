package vn.ioc.ui.cli;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ioc.ui.BrowserTest;
import vn.ioc.ui.DashboardTestData;
import vn.ioc.ui.IocDashboard;
import vn.ioc.ui.base.ViewBuildTimes;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark's load phase on the test data: a few sessions in real headless chromium, signed in, opening pages at
 * once for a few seconds; every page is counted, none fails, and the server's side is measured. Figures are not
 * checked here (that is what {@code ioc bench ui} prints), only that the load runs and is measured.
 */
@SpringBootTest(classes = IocDashboard.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ioc.view-build-times=true")
class ConcurrentSessionsTest {
    @LocalServerPort
    private int port;

    @Autowired
    private ViewBuildTimes times;

    @DynamicPropertySource
    static void warehouse(DynamicPropertyRegistry registry) {
        DashboardTestData.register(registry);
    }

    @Test
    void sessionsOpenPagesAtOnceWithoutErrors() throws Exception {
        Path script = BrowserTest.scriptFolder().resolve("sessions.mjs");
        try (InputStream bundled = ConcurrentSessions.class.getResourceAsStream("/bench/sessions.mjs")) {
            Files.write(script, bundled.readAllBytes());
        }
        String period = DashboardTestData.period();
        ConcurrentSessions.Load load = new ConcurrentSessions(script, port, 3, 10)
                .run(List.of("/?unit=VN&period=" + period, "/rankings?kpi=population.verified_rate&period=" + period, "/definitions"), times);
        assertEquals(List.of(), load.errors());
        assertTrue(load.pages().size() >= 3, load.toString());
        assertTrue(load.builds().size() >= load.pages().size(), "the server built every page the browsers saw: " + load);
        assertTrue(load.peakHeapBytes() > 0 && load.peakResidentBytes() > 0, load.toString());
        assertTrue(load.toString().contains("3 concurrent sessions for 10 s"), load.toString());
    }
}
