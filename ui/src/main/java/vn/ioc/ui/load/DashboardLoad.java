package vn.ioc.ui.load;

import io.gatling.http.action.ws.WsInboundMessage;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.foreach;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.gatling.javaapi.http.HttpDsl.ws;

/**
 * The dashboard's own HTTP exchange, as chromium has it (recorded: see docs/benchmarks.md), replayed by Gatling for
 * many sessions at once. A session signs in through the form (Spring's CSRF token from the page's meta tag), lands on
 * the dashboard as a browser does (the page, Vaadin's bootstrap request {@code ?v-r=init} giving the UI's id, Vaadin's
 * CSRF token and the push id, then the push connection: Atmosphere over a WebSocket, held open), then goes from view
 * to view as a user clicking the dashboard's links does: each a UIDL request carrying Vaadin's {@code ui-navigate}
 * event on the UI's root node, with the CSRF token and the sync and client ids the previous answer gave, and a think
 * time between views. A view is timed from its request to its answer (for the landing, from asking for the page); a
 * view that gets an HTTP error, a Vaadin error, "session expired", a resynchronisation, no change of the UI or the
 * page that says "not found" counts as an error. Settings from {@link LoadPlan}, figures to {@link LoadRecord}.
 */
public final class DashboardLoad extends Simulation {
    /** What chromium tells the bootstrap request of its window (a 1366 x 900 screen in Vietnam). */
    private static final String BROWSER = "&v-sh=900&v-sw=1366&v-wh=900&v-ww=1366&v-bh=900&v-bw=1366&v-tzo=-420&v-dstd=0&v-rtzo=-420&v-dston=false"
            + "&v-tzid=Asia%2FHo_Chi_Minh&v-td=false&v-pr=1&v-np=Linux%20x86_64&v-cs=light&v-pv=VISIBLE&v-fs=NOT_FULLSCREEN"
            + "&v-so=landscape-primary&v-soa=0&v-tn=lumo&v-ga=PROMPT&v-wla=SUPPORTED&v-ws=false";
    private final LoadPlan plan = LoadPlan.fromSystemProperties();

    public DashboardLoad() {
        HttpProtocolBuilder protocol = http.baseUrl(plan.baseUrl())
                .wsBaseUrl(plan.baseUrl().replaceFirst("^http", "ws"))
                // What the server pushes is kept for the wall screens to read (see below).
                .wsUnmatchedInboundMessageBufferSize(1000)
                .acceptLanguageHeader("vi-VN,vi;q=0.9")
                .userAgentHeader("ioc-bench-load (Gatling)");
        List<Map<String, Object>> views = plan.locations().stream().map(DashboardLoad::navigation).toList();
        ChainBuilder navigate = exec(session -> session.set("started", session.contains("started") ? session.getLong("started") : System.nanoTime()))
                .exec(http("view").post("/?v-r=uidl&v-uiId=#{uiId}")
                        .body(StringBody("{\"csrfToken\":\"#{csrf}\",\"rpc\":[{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\","
                                + "\"data\":{\"route\":\"#{route}\",\"query\":\"#{query}\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":#{historyIndex}},"
                                + "\"trigger\":\"client\"}}],\"syncId\":#{syncId},\"clientId\":#{clientId}}"))
                        .asJson()
                        .check(status().is(200),
                                substring("\"appError\"").notExists(),
                                substring("\"sessionExpired\"").notExists(),
                                substring("\"resynchronize\"").notExists(),
                                // The view was built (the UI changed), and it is not the page that says "not found".
                                substring("\"changes\"").exists(),
                                substring("\"not-found\"").notExists(),
                                jsonPath("$.syncId").ofInt().saveAs("syncId"),
                                jsonPath("$.clientId").ofInt().saveAs("clientId")))
                .exec(session -> LoadRecord.view(session.set("historyIndex", session.getInt("historyIndex") + 1)
                        .remove("started").remove("landing"), session.contains("landing"), session.getLong("started"), System.nanoTime()));
        ScenarioBuilder sessions = scenario("dashboard sessions")
                .exec(signIn(plan.user(), plan.password()))
                .exitHereIfFailed()
                .exec(land("/"))
                .during(Duration.ofSeconds(plan.seconds())).on(
                        foreach(session -> shuffled(views), "view").on(
                                exec(session -> session.setAll(session.getMap("view")))
                                        .exec(navigate)
                                        .pause(Duration.ofMillis((long) (plan.thinkSeconds() * 500)), Duration.ofMillis((long) (plan.thinkSeconds() * 1500)))))
                .exec(ws("push").close());
        // A wall screen shows its wall and reads what the server pushes (a beat every few seconds, the next slide, new data).
        ScenarioBuilder walls = scenario("wall screens")
                .exec(signIn(plan.walls().user(), plan.walls().password()))
                .exitHereIfFailed()
                .exec(land(plan.walls().location()))
                .exec(session -> session.setAll(navigation(plan.walls().location())).set("pushed", 0))
                .exec(navigate)
                .during(Duration.ofSeconds(plan.seconds())).on(
                        pause(Duration.ofSeconds(5))
                                .exec(ws.processUnmatchedMessages((messages, session) -> session.set("pushed", session.getInt("pushed")
                                        + (int) messages.stream().filter(DashboardLoad::isUpdate).count()))))
                .exec(LoadRecord::wallHeld)
                .exec(ws("push").close());
        Duration rampUp = plan.rampUp();
        LoadRecord.arrivingUntil(System.nanoTime() + rampUp.toNanos());
        List<PopulationBuilder> populations = new ArrayList<>(List.of(sessions.injectOpen(rampUsers(plan.sessions()).during(rampUp))));
        if (plan.walls().count() > 0) {
            populations.add(walls.injectOpen(rampUsers(plan.walls().count()).during(rampUp)));
        }
        setUp(populations).protocols(protocol).maxDuration(rampUp.plusSeconds(plan.seconds() + 120));
    }

    /** Signs in through the form, with Spring's CSRF token from the sign-in page's meta tag. */
    private ChainBuilder signIn(String user, String password) {
        return exec(http("sign-in page").get("/login").check(status().is(200),
                        regex("<meta name=\"_csrf\" content=\"([^\"]+)\"").saveAs("springCsrf")))
                .exec(http("sign in").post("/login").formParam("username", user).formParam("password", password)
                        .formParam("_csrf", "#{springCsrf}").disableFollowRedirect()
                        .check(status().is(302), header("Location").not(session -> plan.baseUrl() + "/login?error")))
                .exec(LoadRecord::signedIn);
    }

    /**
     * Opens a page as a browser does: the page, Vaadin's bootstrap request (the UI's id, its CSRF token, the push id) and
     * the push connection; the view itself comes with the first {@code ui-navigate}. The page's time starts here.
     */
    private static ChainBuilder land(String path) {
        Map<String, Object> page = navigation(path);
        return exec(session -> session.set("started", System.nanoTime()).set("landing", true))
                .exec(http("page").get(path).check(status().is(200)))
                .exec(http("bootstrap").get(session -> "/?v-r=init&location=" + encode(page.get("route")) + "&query=" + encode(page.get("query"))
                                + "&v-curdate=" + System.currentTimeMillis() + "&v-wn=v-" + ThreadLocalRandom.current().nextDouble() + BROWSER)
                        .check(status().is(200),
                                jsonPath("$.appConfig.uidl['Vaadin-Security-Key']").saveAs("csrf"),
                                jsonPath("$.appConfig.uidl['Vaadin-Push-ID']").saveAs("pushId"),
                                jsonPath("$.appConfig['v-uiId']").saveAs("uiId")))
                .exec(session -> session.set("syncId", 0).set("clientId", 0).set("historyIndex", 0))
                .exec(ws("push").connect("/VAADIN/push?v-r=push&v-uiId=#{uiId}&v-pushId=#{pushId}&X-Atmosphere-tracking-id=0"
                        + "&X-Atmosphere-Framework=4.0.1&X-Atmosphere-Transport=websocket&X-Atmosphere-TrackMessageSize=true"
                        + "&Content-Type=application/json;%20charset=UTF-8&X-atmo-protocol=true&X-Vaadin-LastSeenServerSyncId=0"));
    }

    /** A message the server pushed that changes the UI (a UIDL answer, which carries its sync id). */
    private static boolean isUpdate(WsInboundMessage message) {
        return message instanceof WsInboundMessage.Text text && text.message().contains("syncId");
    }

    private static String encode(Object text) {
        return URLEncoder.encode(text.toString(), StandardCharsets.UTF_8);
    }

    /** A view's {@code ui-navigate} event data, from its location ({@code /rankings?kpi=...}: route {@code rankings}, query {@code kpi=...}). */
    static Map<String, Object> navigation(String location) {
        int question = location.indexOf('?');
        String route = (question < 0 ? location : location.substring(0, question)).replaceFirst("^/", "");
        return Map.of("location", location, "route", route, "query", question < 0 ? "" : location.substring(question + 1));
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
