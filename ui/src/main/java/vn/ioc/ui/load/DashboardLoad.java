package vn.ioc.ui.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.foreach;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.gatling.javaapi.http.HttpDsl.ws;

/**
 * The dashboard's own HTTP exchange, as a browser has it (recorded with chromium: see docs/benchmarks.md), replayed by
 * Gatling for many sessions at once: the sign-in form with Spring's CSRF token, then for each view the page, Vaadin's
 * bootstrap request that builds it ({@code ?v-r=init}: the UI's id, Vaadin's CSRF token, the push id), the push
 * connection (Atmosphere over a WebSocket) held while the user reads, and the beacon that lets the server drop the UI
 * when the page is left. Every view is timed from asking for the page to its push connection being open; a view that
 * gets an HTTP error, a Vaadin error, "session expired" or a resynchronisation counts as an error. Its settings come
 * from {@link LoadPlan} (system properties), its figures go to {@link LoadRecord}.
 */
public final class DashboardLoad extends Simulation {
    private final LoadPlan plan = LoadPlan.fromSystemProperties();

    public DashboardLoad() {
        HttpProtocolBuilder protocol = http.baseUrl(plan.baseUrl())
                .wsBaseUrl(plan.baseUrl().replaceFirst("^http", "ws"))
                .acceptLanguageHeader("vi-VN,vi;q=0.9")
                .userAgentHeader("ioc-bench-load (Gatling)")
                .shareConnections();
        List<Map<String, Object>> views = IntStream.range(0, plan.locations().size())
                .mapToObj(i -> Map.<String, Object>of("location", plan.locations().get(i))).toList();
        ChainBuilder signIn = exec(http("sign-in page").get("/login").check(status().is(200),
                        regex("name=\"_csrf\" content=\"([^\"]+)\"").saveAs("springCsrf")))
                .exec(http("sign in").post("/login").formParam("username", plan.user()).formParam("password", plan.password())
                        .formParam("_csrf", "#{springCsrf}").check(status().is(200), substring("login?error").notExists()));
        ChainBuilder view = exec(session -> session.set("started", System.nanoTime()))
                .exec(http("page").get("#{location}").check(status().is(200)))
                .exec(http("init").get(session -> init(session.getString("location")))
                        .check(status().is(200),
                                jsonPath("$.appConfig.uidl['Vaadin-Security-Key']").saveAs("csrf"),
                                jsonPath("$.appConfig.uidl['Vaadin-Push-ID']").saveAs("pushId"),
                                jsonPath("$.appConfig['v-uiId']").saveAs("uiId"),
                                jsonPath("$.appConfig.uidl.syncId").saveAs("syncId"),
                                substring("sessionExpired").notExists(),
                                substring("appError").notExists(),
                                substring("resynchronize").notExists()))
                .exec(ws("push").connect("/VAADIN/push?v-r=push&v-uiId=#{uiId}&v-pushId=#{pushId}&X-Atmosphere-tracking-id=0"
                        + "&X-Atmosphere-Framework=3.1.5-javascript&X-Atmosphere-Transport=websocket&X-Atmosphere-TrackMessageSize=true"
                        + "&Content-Type=application/json;%20charset=UTF-8&X-atmo-protocol=true"))
                .exec(session -> LoadRecord.view(session, System.nanoTime() - session.getLong("started")))
                .pause(Duration.ofMillis((long) (plan.thinkSeconds() * 500)), Duration.ofMillis((long) (plan.thinkSeconds() * 1500)))
                .exec(ws("push").close())
                .exec(http("leave").post("/?v-r=uidl&v-uiId=#{uiId}")
                        .body(StringBody("{\"csrfToken\":\"#{csrf}\",\"rpc\":[],\"syncId\":#{syncId},\"clientId\":0,\"UNLOAD\":true}"))
                        .asJson().check(status().is(200)))
                .exec(LoadRecord::left);
        ScenarioBuilder sessions = scenario("dashboard sessions")
                .exec(signIn)
                .exec(LoadRecord::signedIn)
                .during(Duration.ofSeconds(plan.seconds())).on(
                        foreach(session -> shuffled(views), "view").on(exec(session -> session.setAll(session.getMap("view"))).exec(view)));
        setUp(sessions.injectOpen(rampUsers(plan.sessions()).during(Duration.ofSeconds(Math.max(1, Math.min(10, plan.seconds() / 10))))))
                .protocols(protocol)
                .maxDuration(Duration.ofSeconds(plan.seconds() + 120));
    }

    /** Vaadin's bootstrap request for a location ({@code /rankings?kpi=...}): its path and query, as the client sends them. */
    static String init(String location) {
        int question = location.indexOf('?');
        String path = (question < 0 ? location : location.substring(0, question)).replaceFirst("^/", "");
        String query = question < 0 ? "" : location.substring(question + 1);
        return "/?v-r=init&location=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8)
                + "&query=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The views in an order of the session's own, so that sessions do not all open the same view at once. */
    private static List<Map<String, Object>> shuffled(List<Map<String, Object>> views) {
        int start = ThreadLocalRandom.current().nextInt(views.size());
        return IntStream.range(0, views.size()).mapToObj(i -> views.get((start + i) % views.size())).toList();
    }

    @Override
    public void after() {
        LoadRecord.write(plan.results());
    }
}
