package vn.ioc.ui.operations;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ioc.ui.DashboardTestData;
import vn.ioc.ui.IocDashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operations room's metrics: only for an admin or with the scrape token, refused (and counted) otherwise; after the
 * dashboard has been used they hold the API's calls by route and status, the warehouse questions by kind, the refusals,
 * each source's last ingest run from the run log, the sessions and the wall screens.
 */
@SpringBootTest(classes = IocDashboard.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ioc.metrics.token=" + MetricsTest.TOKEN)
class MetricsTest {
    static final String TOKEN = "scrape-token-of-the-test";
    private final HttpClient http = HttpClient.newHttpClient();
    @LocalServerPort
    private int port;
    @Autowired
    private IngestRunGauges ingestRuns;

    @DynamicPropertySource
    static void warehouse(DynamicPropertyRegistry registry) {
        DashboardTestData.register(registry);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void onlyAnAdminOrTheScraperReadsTheMetricsWhichSayWhatHappened() throws Exception {
        String period = DashboardTestData.period();
        for (int times = 0; times < 2; times++) {
            assertEquals(200, get("/api/values/population.verified_rate?unit=01&period=" + period, basic("hanoi", "demo-hanoi")).statusCode());
        }
        assertEquals(401, get("/api/kpis", basic("hanoi", "wrong\npassword")).statusCode());
        assertEquals(403, get("/api/rankings/population.verified_rate?level=commune&scope=79&period=" + period, basic("hanoi", "demo-hanoi")).statusCode());

        assertEquals(401, get("/actuator/prometheus", null).statusCode(), "no credentials");
        assertEquals(401, get("/actuator/prometheus", "Bearer not-the-token").statusCode(), "a wrong token");
        assertEquals(403, get("/actuator/prometheus", basic("hanoi", "demo-hanoi")).statusCode(), "a leader is not an admin");
        assertEquals(200, get("/actuator/prometheus", "Bearer " + TOKEN).statusCode());

        ingestRuns.refresh();
        HttpResponse<String> scraped = get("/actuator/prometheus", basic("quantri", "demo-quantri"));
        assertEquals(200, scraped.statusCode());
        String metrics = scraped.body();
        assertTrue(metrics.contains("http_server_requests_seconds_count{error=\"none\",exception=\"none\",method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/values/{kpi}\"}"), metrics);
        assertTrue(metrics.contains("ioc_dashboard_warehouse_query_seconds_count{kind=\"value\",outcome=\"answered\"}"), metrics);
        assertTrue(metrics.matches("(?s).*ioc_dashboard_answer_cache_total\\{result=\"hit\"} [1-9].*"), "the second read kept: " + metrics);
        assertTrue(metrics.contains("ioc_dashboard_refusals_total{reason=\"sign-in\"}"), metrics);
        assertTrue(metrics.contains("ioc_dashboard_refusals_total{reason=\"communes\"}"), metrics);
        assertTrue(metrics.contains("ioc_dashboard_refusals_total{reason=\"metrics-token\"}"), metrics);
        assertTrue(metrics.contains("ioc_dashboard_refusals_total{reason=\"role\"}"), "the leader refused the metrics: " + metrics);
        assertTrue(metrics.matches("(?s).*ioc_ingest_last_run_rows_read\\{source=\"population_registry\"} [1-9].*"), metrics);
        assertTrue(metrics.contains("ioc_ingest_last_run_failed{source=\"population_registry\"} 0.0"), metrics);
        assertTrue(metrics.matches("(?s).*ioc_ingest_last_success_timestamp_seconds\\{source=\"population_registry\"} 1\\.[0-9]+E9.*"), metrics);
        assertTrue(metrics.contains("ioc_dashboard_wall_screens "), metrics);
        assertTrue(metrics.contains("tomcat_sessions_active_current_sessions"), metrics);
        assertFalse(metrics.contains("demo-") || metrics.contains(TOKEN), "no password or token in the metrics");
    }
}
