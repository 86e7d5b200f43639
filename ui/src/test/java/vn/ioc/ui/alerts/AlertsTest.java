package vn.ioc.ui.alerts;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ioc.analytics.AnalyticsFixture;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.analytics.values.KpiValue;
import vn.ioc.ui.DashboardTestData;
import vn.ioc.ui.IocDashboard;
import vn.ioc.ui.access.CurrentUser;
import vn.ioc.ui.access.DashboardUser;
import vn.ioc.ui.access.Role;
import vn.ioc.ui.access.ScopeRefusal;
import vn.ioc.ui.data.DashboardData;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Alert rules set, checked and scoped; evaluated on the fixture's data (each rule fires once for a unit and month);
 * mailed through a real SMTP server (GreenMail) to the province's leaders, a failed mail tried again; the API.
 */
@SpringBootTest(classes = IocDashboard.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlertsTest {
    private static final DashboardUser ADMIN = new DashboardUser("quantri", Role.ADMIN, Optional.empty(), "{noop}");
    private static final DashboardUser HANOI = new DashboardUser("hanoi", Role.PROVINCIAL_LEADER, Optional.of("01"), "{noop}");
    private static final DashboardUser VIEWER = new DashboardUser("quocgia", Role.NATIONAL_VIEWER, Optional.empty(), "{noop}");
    private static GreenMail smtp;
    private static ServerSetup smtpSetup;

    @Autowired
    private Alerts alerts;
    @Autowired
    private AlertEvaluator evaluator;
    @Autowired
    private AlertMail mail;
    @Autowired
    private AlertStore store;
    @Autowired
    private CurrentUser currentUser;
    @Autowired
    private DashboardData data;
    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        DashboardTestData.register(registry);
        smtp = DashboardTestData.smtp(registry);
        smtpSetup = smtp.getSmtp().getServerSetup();
        registry.add("ioc.alerts.check", () -> "PT1H");
        registry.add("ioc.alerts.mail-to.01", () -> "lanhdao@hanoi.gov.vn, vanphong@hanoi.gov.vn");
        registry.add("ioc.alerts.mail-to.79", () -> "lanhdao@hcm.gov.vn");
    }

    @AfterAll
    static void stop() {
        smtp.stop();
    }

    private <T> T as(DashboardUser user, Supplier<T> action) {
        return currentUser.as(user, action);
    }

    @Test
    void rulesFireOnceMailTheProvincesLeadersAndKeepToTheirScope() throws Exception {
        AnalyticsFixture fixture = DashboardTestData.fixture();
        KpiValue hanoi = fixture.values.value("population.verified_rate", fixture.values.units().province("01"),
                Period.month(data.latestMonth()));
        // Above Hà Nội's value: Hà Nội fires, and every province below it.
        double threshold = Math.min(100, hanoi.value() + 0.05);
        AlertRule below = as(ADMIN, () -> alerts.add(new Alerts.Draft(AlertRule.Kind.BELOW, "population.verified_rate", "VN", UnitLevel.PROVINCE,
                threshold, null)));
        AlertRule communes = as(HANOI, () -> alerts.add(new Alerts.Draft(AlertRule.Kind.ABOVE, "population.collection_rate", "01",
                UnitLevel.COMMUNE, 0.0, null)));

        // A new rule is evaluated at once on the latest month; a KPI-store build evaluates every rule again.
        List<AlertFiring> fired = store.firings();
        long expected = fixture.values.units().provinces().stream().map(province -> fixture.values.value("population.verified_rate", province,
                Period.month(data.latestMonth())).value()).filter(value -> value != null && value < threshold).count();
        assertEquals(expected, fired.stream().filter(firing -> firing.rule().equals(below.id())).count(), "every province below the threshold");
        AlertFiring hanoiFiring = fired.stream().filter(firing -> firing.rule().equals(below.id()) && firing.unit().equals("01")).findFirst().orElseThrow();
        assertEquals(hanoi.value(), hanoiFiring.value(), 1e-9);
        List<AlertFiring> ofCommunes = fired.stream().filter(firing -> firing.rule().equals(communes.id())).toList();
        assertTrue(ofCommunes.size() > 1 && ofCommunes.stream().allMatch(firing -> firing.province().equals("01")), "Hà Nội's communes: " + ofCommunes.size());
        assertEquals(List.of(), evaluator.evaluate(), "a rule never fires twice for the same unit and month");

        // Mailed to Hà Nội's leaders, in Vietnamese, naming the unit, the indicator and the value: one message per
        // province and evaluation, however many of its units fired.
        assertTrue(smtp.waitForIncomingEmail(10_000, 2), "one message to each of Hà Nội's two leaders");
        assertEquals(2, subjects().stream().filter(subject -> subject.equals("[IOC] " + ofCommunes.size() + " cảnh báo mới · Hà Nội")).count(),
                "the rule on Hà Nội's communes: one message listing them, to each leader");
        MimeMessage message = List.of(smtp.getReceivedMessages()).stream().filter(received -> {
            try {
                return received.getSubject().startsWith("[IOC] Cảnh báo: Hà Nội ·");
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
        assertTrue(message.getSubject().startsWith("[IOC] Cảnh báo: Hà Nội · Tỷ lệ hồ sơ dân cư đã xác thực"), message.getSubject());
        assertEquals(AlertFiring.Mail.Status.SENT, firing(hanoiFiring.id()).mail().status());

        // Scoping: Hà Nội's leader sees Hà Nội's alerts only and acknowledges them; not another province's.
        assertTrue(as(HANOI, alerts::firings).stream().allMatch(firing -> firing.province().equals("01")));
        assertTrue(as(VIEWER, alerts::firings).size() >= as(HANOI, alerts::firings).size());
        AlertFiring acknowledged = as(HANOI, () -> alerts.acknowledge(hanoiFiring.id()));
        assertEquals("hanoi", acknowledged.acknowledgedBy());
        Optional<AlertFiring> elsewhere = fired.stream().filter(firing -> !firing.province().equals("01")).findFirst();
        elsewhere.ifPresent(other -> assertThrows(ScopeRefusal.class, () -> as(HANOI, () -> alerts.acknowledge(other.id()))));
        assertThrows(ScopeRefusal.class, () -> as(VIEWER, () -> alerts.acknowledge(hanoiFiring.id())), "a national viewer reads alerts only");
    }

    @Test
    void aRuleIsCheckedAndARefusalNamesTheField() {
        assertEquals("kpi", field(() -> as(ADMIN, () -> alerts.add(new Alerts.Draft(AlertRule.Kind.BELOW, "no.such_kpi", "VN", UnitLevel.PROVINCE, 50.0, null)))));
        assertEquals("threshold", field(() -> as(ADMIN, () -> alerts.add(new Alerts.Draft(AlertRule.Kind.BELOW, "population.verified_rate", "VN",
                UnitLevel.PROVINCE, 150.0, null)))));
        assertEquals("scope", field(() -> as(ADMIN, () -> alerts.add(new Alerts.Draft(AlertRule.Kind.BELOW, "population.verified_rate", "99",
                UnitLevel.PROVINCE, 50.0, null)))));
        assertEquals("places", field(() -> as(ADMIN, () -> alerts.add(new Alerts.Draft(AlertRule.Kind.RANK_DROP, "population.verified_rate", "VN",
                UnitLevel.PROVINCE, null, 0)))));
        assertEquals("level", field(() -> as(ADMIN, () -> alerts.add(new Alerts.Draft(AlertRule.Kind.BELOW, "vaccination.doses_delivered", "VN",
                UnitLevel.COMMUNE, 10.0, null)))));
        assertThrows(ScopeRefusal.class, () -> as(HANOI, () -> alerts.add(new Alerts.Draft(AlertRule.Kind.BELOW, "population.verified_rate", "79",
                UnitLevel.COMMUNE, 50.0, null))), "a Hà Nội leader sets no rule for Hồ Chí Minh");
        assertThrows(ScopeRefusal.class, () -> as(VIEWER, () -> alerts.add(new Alerts.Draft(AlertRule.Kind.BELOW, "population.verified_rate", "VN",
                UnitLevel.PROVINCE, 50.0, null))));
    }

    @Test
    void aFailedMailIsTriedAgainAndShown() throws Exception {
        AlertFiring firing = new AlertFiring("retry-1", "rule-x", AlertRule.Kind.DATA_MISSING, "population.verified_rate", "79", "79", "2026-10", null,
                null, null, Instant.now(), null, null, AlertFiring.Mail.NONE);
        store.fire(List.of(firing));
        smtp.stop();
        Instant now = Instant.now();
        mail.send(List.of(firing), data.catalogue(), now);
        AlertFiring failed = firing("retry-1");
        assertEquals(AlertFiring.Mail.Status.PENDING, failed.mail().status(), "the server is down: kept to try again");
        assertEquals(1, failed.mail().attempts());
        assertTrue(!failed.mail().error().isBlank(), "the error is kept, for the Alerts page");
        smtp = new GreenMail(smtpSetup);
        smtp.start();
        mail.retry(data.catalogue(), now.plusSeconds(1));
        assertEquals(1, firing("retry-1").mail().attempts(), "not before its wait is over");
        mail.retry(data.catalogue(), now.plus(AlertMail.FIRST_WAIT));
        assertEquals(AlertFiring.Mail.Status.SENT, firing("retry-1").mail().status());
        assertEquals(2, firing("retry-1").mail().attempts());
        assertTrue(smtp.waitForIncomingEmail(10_000, 1));
    }

    @Test
    void theApiSetsAndListsRulesWithTheSameChecks() throws Exception {
        HttpResponse<String> bad = post("hanoi", "/api/alerts/rules",
                "{\"kind\":\"BELOW\",\"kpi\":\"population.verified_rate\",\"scope\":\"01\",\"level\":\"COMMUNE\",\"threshold\":150}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("threshold"), bad.body());
        assertEquals(403, post("hanoi", "/api/alerts/rules",
                "{\"kind\":\"BELOW\",\"kpi\":\"population.verified_rate\",\"scope\":\"79\",\"level\":\"COMMUNE\",\"threshold\":50}").statusCode());
        HttpResponse<String> set = post("hanoi", "/api/alerts/rules",
                "{\"kind\":\"RANK_DROP\",\"kpi\":\"population.verified_rate\",\"scope\":\"01\",\"level\":\"COMMUNE\",\"places\":3}");
        assertEquals(200, set.statusCode(), set.body());
        HttpResponse<String> listed = send("hanoi", HttpRequest.newBuilder(uri("/api/alerts/rules")).GET());
        assertTrue(listed.body().contains("RANK_DROP"), listed.body());
        assertEquals(200, send("hanoi", HttpRequest.newBuilder(uri("/api/alerts")).GET()).statusCode());
    }

    private static List<String> subjects() {
        return Arrays.stream(smtp.getReceivedMessages()).map(message -> {
            try {
                return message.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private AlertFiring firing(String id) {
        return store.firings().stream().filter(firing -> firing.id().equals(id)).findFirst().orElseThrow();
    }

    private static String field(Runnable refused) {
        return assertThrows(AlertRuleException.class, refused::run).field();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> post(String user, String path, String json) throws Exception {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(String user, HttpRequest.Builder request) throws Exception {
        request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo-" + user).getBytes(StandardCharsets.UTF_8)));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
