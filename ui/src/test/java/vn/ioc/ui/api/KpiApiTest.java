package vn.ioc.ui.api;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ioc.analytics.AnalyticsFixture;
import vn.ioc.analytics.catalogue.KpiCatalogue;
import vn.ioc.analytics.pace.Pace;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.analytics.values.KpiValue;
import vn.ioc.ui.DashboardTestData;
import vn.ioc.ui.IocDashboard;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON API over real HTTP: sign-in, values equal to the analytics layer's, scoping, errors, the OpenAPI description. */
@SpringBootTest(classes = IocDashboard.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KpiApiTest {
    private final AnalyticsFixture fixture = DashboardTestData.fixture();
    private final String period = DashboardTestData.period();
    private final HttpClient http = HttpClient.newHttpClient();
    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void warehouse(DynamicPropertyRegistry registry) {
        DashboardTestData.register(registry);
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo-" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }

    @Test
    void valuesSeriesAndRankingsEqualTheAnalyticsLayers() throws Exception {
        HttpResponse<String> value = get("hanoi", "/api/values/population.verified_rate?unit=01&period=" + period);
        assertEquals(200, value.statusCode(), value.body());
        Unit hanoi = fixture.values.units().province("01");
        assertEquals(fixture.values.value("population.verified_rate", hanoi, Period.parse(period)).value(), json(value).path("value").path("value").asDouble(), 1e-9);
        assertEquals("Hà Nội", json(value).path("value").path("unit").path("name").asString());
        assertTrue(!json(value).path("stale").asBoolean());

        JsonNode series = json(get("hanoi", "/api/series/population.verified_rate?unit=01&period=" + period + "&periods=6"));
        assertEquals(6, series.path("value").size());

        JsonNode ranking = json(get("hanoi", "/api/rankings/population.verified_rate?period=" + period));
        assertEquals(34, ranking.path("value").path("units").size());
        var expected = fixture.rankings.rank("population.verified_rate", UnitLevel.PROVINCE, Unit.NATION, Period.parse(period), Set.of());
        assertEquals(expected.units().getFirst().value().unit().code(), ranking.path("value").path("units").get(0).path("value").path("unit").path("code").asString());
        assertEquals(200, get("hanoi", "/api/rankings/population.verified_rate?level=commune&scope=01&period=" + period).statusCode());
    }

    @Test
    void thePaceToTargetIsTheAnalyticsLayersWithItsProjection() throws Exception {
        HttpResponse<String> answered = get("hanoi", "/api/pace/population.verified_rate?unit=01&period=" + period);
        assertEquals(200, answered.statusCode(), answered.body());
        JsonNode pace = json(answered).path("value");
        Period month = Period.parse(period);
        Pace expected = Pace.of(KpiCatalogue.standard().kpi("population.verified_rate"),
                fixture.values.series("population.verified_rate", fixture.values.units().province("01"), month.trailing(Pace.MONTHS)));
        assertEquals(expected.verdict().name(), pace.path("verdict").asString(), answered.body());
        assertEquals(expected.months(), pace.path("months").asInt());
        assertEquals(expected.target(), pace.path("target").asDouble(), 1e-9);
        assertEquals(expected.deadline().orElseThrow().toString(), pace.path("deadline").asString(), "a month, as 2026-12");
        assertEquals(expected.projection().size(), pace.path("projection").size());
        String commune = fixture.values.units().communesOf(fixture.values.units().province("79")).getFirst().code();
        assertEquals(403, get("hanoi", "/api/pace/population.verified_rate?unit=" + commune + "&period=" + period).statusCode(), "another province's commune");
        assertEquals(404, get("hanoi", "/api/pace/no.such_kpi?unit=01&period=" + period).statusCode());
    }

    @Test
    void aValuesLineageNamesItsAmountsRunsAndRowsForThoseWhoSeeTheUnitsDetail() throws Exception {
        HttpResponse<String> answered = get("hanoi", "/api/lineage/population.verified_rate?unit=01&period=" + period);
        assertEquals(200, answered.statusCode(), answered.body());
        JsonNode lineage = json(answered).path("value");
        KpiValue value = fixture.values.value("population.verified_rate", fixture.values.units().province("01"), Period.parse(period));
        assertEquals(value.numerator(), lineage.path("numerator").path("amount").asDouble(), 1e-9);
        assertEquals(value.denominator(), lineage.path("denominator").path("amount").asDouble(), 1e-9);
        JsonNode load = lineage.path("loads").get(0);
        assertEquals("population_registry", load.path("source").asString(), answered.body());
        assertTrue(load.path("runId").asString().matches("[0-9a-f-]{36}") && load.path("rows").path("read").asLong() > 0, answered.body());
        assertEquals(403, get("hanoi", "/api/lineage/population.verified_rate?unit=79&period=" + period).statusCode(), "another province's data quality");
        assertEquals(200, get("quocgia", "/api/lineage/population.verified_rate?unit=79&period=" + period).statusCode());
    }

    @Test
    void scopingSignInAndErrorsAreAnswered() throws Exception {
        HttpResponse<String> refused = get("hanoi", "/api/rankings/population.verified_rate?level=commune&scope=79&period=" + period);
        assertEquals(403, refused.statusCode());
        assertTrue(json(refused).path("error").asString().contains("province 01 only"), refused.body());
        assertEquals(200, get("quocgia", "/api/rankings/population.verified_rate?level=commune&scope=79&period=" + period).statusCode());
        assertEquals(401, get(null, "/api/kpis").statusCode());
        assertEquals(403, get("manhinh", "/api/kpis").statusCode(), "a wall device's account shows its wall, not the API");
        HttpResponse<String> unknown = get("quocgia", "/api/values/nope?unit=01&period=" + period);
        assertEquals(404, unknown.statusCode());
        assertTrue(json(unknown).path("error").asString().contains("nope"));
        assertEquals(404, get("quocgia", "/api/values/population.verified_rate?unit=99&period=" + period).statusCode());
        HttpResponse<String> malformed = get("quocgia", "/api/values/population.verified_rate?unit=01&period=2026-13");
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertEquals(400, get("quocgia", "/api/values/population.verified_rate?unit=01").statusCode(), "period is required");
    }

    /** The dashboard's session rides in a cookie only, HttpOnly and SameSite=Lax; a redirect never puts it in the URL. */
    @Test
    void theSessionCookieIsLaxAndNeverInAUrl() throws Exception {
        HttpResponse<String> first = get(null, "/");
        String cookie = first.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + first.headers().map()));
        assertTrue(cookie.contains("SameSite=Lax") && cookie.contains("HttpOnly"), cookie);
        assertTrue(first.headers().firstValue("Location").map(location -> !location.contains(";jsessionid")).orElse(true),
                first.headers().map().toString());
        assertTrue(!first.body().contains(";jsessionid"), "no session id in the page's links");
    }

    /**
     * A request the web server cannot read (an address over 64 KB, a request line with characters no address may
     * hold) never reaches the application: the application's own page answers it all the same, in both languages.
     */
    @Test
    void anUnreadableRequestGetsTheApplicationsOwnPage() throws Exception {
        HttpResponse<String> tooLong = get(null, "/rankings?peer=" + "xa".repeat(40_000));
        assertEquals(400, tooLong.statusCode());
        assertTrue(tooLong.body().contains("Không đọc được yêu cầu") && tooLong.body().contains("The request could not be read")
                && tooLong.body().contains("href=\"/\""), tooLong.body());
        assertTrue(!tooLong.body().contains("Tomcat"), "not the web server's own report");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("GET /rankings?x={<script>} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400") && answer.contains("The request could not be read") && !answer.contains("<script>"), answer);
        }
    }

    /**
     * The sign-in form is protected from cross-site requests: a POST with the right password but no CSRF token (what
     * another site could make a browser send) signs no one in; the browser tests sign in through the form itself.
     */
    @Test
    void signingInNeedsTheFormsToken() throws Exception {
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=hanoi&password=demo-hanoi")).build(), HttpResponse.BodyHandlers.ofString());
        // Refused: sent back to the sign-in page (a sign-in would go on to the dashboard), and the session it was given is no one's.
        assertEquals("/login", URI.create(forged.headers().firstValue("Location").orElseThrow()).getPath(), forged.headers().map().toString());
        String session = forged.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("JSESSIONID=")).findFirst()
                .map(cookie -> cookie.substring(0, cookie.indexOf(';'))).orElseThrow();
        HttpResponse<String> after = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("/login", URI.create(after.headers().firstValue("Location").orElse("/")).getPath(), "the forged sign-in signed no one in");
    }

    /** A period without data has no value (never another period's), and one that has not begun is refused. */
    @Test
    void periodsWithoutDataAreSaidSo() throws Exception {
        HttpResponse<String> before = get("quocgia", "/api/values/population.verified_rate?unit=01&period=2020-01");
        assertEquals(404, before.statusCode(), before.body());
        assertEquals("no data for population.verified_rate in 01 for 2020-01", json(before).path("error").asString());
        assertEquals(404, get("quocgia", "/api/rankings/population.verified_rate?period=2020-01").statusCode());
        HttpResponse<String> future = get("quocgia", "/api/values/population.verified_rate?unit=01&period=2099-01");
        assertEquals(400, future.statusCode(), future.body());
        assertTrue(json(future).path("error").asString().startsWith("the period 2099-01 has not begun yet"), future.body());
        JsonNode series = json(get("quocgia", "/api/series/population.verified_rate?unit=01&period=" + period + "&periods=120"));
        assertTrue(series.path("value").get(0).path("value").isNull(), "ten years back there was no snapshot: " + series.path("value").get(0));
    }

    @Test
    void theApiIsDescribedByOpenApi() throws Exception {
        JsonNode paths = json(get(null, "/v3/api-docs")).path("paths");
        for (String path : new String[] {"/api/kpis", "/api/values/{kpi}", "/api/series/{kpi}", "/api/rankings/{kpi}"}) {
            assertTrue(paths.has(path), path + " in " + paths.propertyNames());
        }
    }
}
