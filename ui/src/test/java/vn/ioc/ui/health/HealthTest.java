package vn.ioc.ui.health;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ioc.ui.DashboardTestData;
import vn.ioc.ui.IocDashboard;
import vn.ioc.ui.Relay;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A monitor without credentials polls the readiness probe: UP with the warehouse answering, OUT_OF_SERVICE (HTTP 503)
 * while the relay to it is cut (liveness stays UP: restarting would not help), UP again once it answers; never details.
 */
@SpringBootTest(classes = IocDashboard.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HealthTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static Relay relay;
    private final HttpClient http = HttpClient.newHttpClient();
    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void warehouse(DynamicPropertyRegistry registry) throws Exception {
        relay = DashboardTestData.registerBehindRelay(registry);
    }

    @AfterAll
    static void closeRelay() throws Exception {
        relay.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls the readiness probe until it says {@code status}; its last answer. */
    private HttpResponse<String> readinessUntil(String status) throws Exception {
        Instant until = Instant.now().plus(PATIENCE);
        HttpResponse<String> answer = get("/actuator/health/readiness");
        while (!status.equals(JsonMapper.shared().readTree(answer.body()).path("status").asString()) && Instant.now().isBefore(until)) {
            Thread.sleep(500);
            answer = get("/actuator/health/readiness");
        }
        return answer;
    }

    @Test
    void readinessFollowsTheWarehouse() throws Exception {
        HttpResponse<String> up = readinessUntil("UP");
        assertEquals(200, up.statusCode(), up.body());
        JsonNode body = JsonMapper.shared().readTree(up.body());
        assertEquals("UP", body.path("status").asString(), up.body());
        assertTrue(body.path("components").isMissingNode() && body.path("details").isMissingNode(), "no details for a monitor without credentials: " + up.body());

        relay.cut();
        try {
            HttpResponse<String> out = readinessUntil("OUT_OF_SERVICE");
            assertEquals(503, out.statusCode(), out.body());
            assertEquals("OUT_OF_SERVICE", JsonMapper.shared().readTree(out.body()).path("status").asString(), out.body());
            HttpResponse<String> alive = get("/actuator/health/liveness");
            assertEquals(200, alive.statusCode(), "the process lives on: " + alive.body());
        } finally {
            relay.restore();
        }
        HttpResponse<String> back = readinessUntil("UP");
        assertEquals(200, back.statusCode(), "ready again once the warehouse answers: " + back.body());
    }
}
