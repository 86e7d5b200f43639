package vn.ioc.ui.data;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ioc.analytics.AnalyticsFixture;
import vn.ioc.analytics.ranking.Ranking;
import vn.ioc.analytics.service.AnalyticsService.RankingQuery;
import vn.ioc.analytics.service.AnalyticsService.ValueQuery;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.ui.DashboardTestData;
import vn.ioc.ui.Relay;
import vn.ioc.ui.access.CurrentUser;
import vn.ioc.ui.access.Refusals;
import vn.ioc.ui.access.DashboardUsers;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.server.TestWarehouse;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answers are kept until the warehouse reports another build; with the warehouse cut off, answers already given come back
 * marked stale; once it is back, fresh answers resume by themselves.
 */
class LastGoodAnswersTest {
    /** A clock the test moves on, past the time a freshness answer is kept. */
    private static final class MovingClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-02T08:00:00Z");

        void pass(Duration time) {
            now = now.plus(time);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private static final Duration FRESHNESS_GONE = DashboardData.FRESHNESS_KEPT.plusSeconds(1);

    @BeforeEach
    void signIn() {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("quocgia", null, AuthorityUtils.NO_AUTHORITIES));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void keptUntilTheWarehouseReportsAnotherBuild() throws Exception {
        AnalyticsFixture fixture = DashboardTestData.fixture();
        MovingClock clock = new MovingClock();
        MeterRegistry meters = new SimpleMeterRegistry();
        DashboardData data = new DashboardData(new AnalyticsPool(TestWarehouse.reader("analytics_test"), 2, 10),
                new CurrentUser(DashboardUsers.demo()), clock, new Refusals(meters), meters, 100_000);
        RankingQuery question = new RankingQuery("population.verified_rate", UnitLevel.PROVINCE, "VN", DashboardTestData.period(), Set.of());
        Fresh<Ranking> first = data.ranking(question);
        clock.pass(Duration.ofMinutes(1));
        Fresh<Ranking> again = data.ranking(question);
        assertEquals(first.value(), again.value());
        assertFalse(again.stale());
        assertEquals(clock.instant(), again.asOf(), "dated by the warehouse's report that the build is the same");
        assertEquals(1, answered(meters, "ranking"), "the second answer came from memory");

        fixture.refreshStore();
        assertEquals(1, answered(meters, "ranking"), "kept while the last report of the build is fresh");
        clock.pass(FRESHNESS_GONE);
        data.ranking(question);
        assertEquals(2, answered(meters, "ranking"), "asked again once the warehouse reports the new build");
        assertEquals(1, meters.get("ioc.dashboard.answer.cache").tags("result", "hit").counter().count());
        assertEquals(2, meters.get("ioc.dashboard.answer.cache").tags("result", "miss").counter().count());
        assertEquals(first.value().units().size() + 3, meters.get("ioc.dashboard.answer.cache.rows").gauge().value(),
                "the ranking's rows kept once, with the catalogue and the freshness");
        data.close();
    }

    @Test
    void staleWhileTheWarehouseIsUnreachableThenFreshAgain() throws Exception {
        DashboardTestData.fixture();
        String period = DashboardTestData.period();
        WarehouseConnection reader = TestWarehouse.reader("analytics_test");
        URI direct = URI.create(reader.url().substring("jdbc:".length()));
        MovingClock clock = new MovingClock();
        try (Relay relay = new Relay(direct.getPort())) {
            WarehouseConnection relayed = new WarehouseConnection(reader.url().replace(":" + direct.getPort() + "/", ":" + relay.port() + "/"),
                    reader.user(), reader.password());
            MeterRegistry meters = new SimpleMeterRegistry();
            DashboardData data = new DashboardData(new AnalyticsPool(relayed, 2, 10),
                    new CurrentUser(DashboardUsers.demo()), clock, new Refusals(meters), meters, 100_000);
            ValueQuery question = new ValueQuery("population.verified_rate", "01", period);
            Fresh<?> first = data.value(question);
            assertFalse(first.stale());

            relay.cut();
            clock.pass(FRESHNESS_GONE);
            Fresh<?> meanwhile = data.value(question);
            assertTrue(meanwhile.stale(), "the last answer, marked stale");
            assertEquals(first.value(), meanwhile.value());
            assertEquals(first.asOf(), meanwhile.asOf(), "dated when the warehouse gave it");
            assertThrows(WarehouseUnavailableException.class,
                    () -> data.ranking(new RankingQuery("population.verified_rate", UnitLevel.PROVINCE, "VN", period, Set.of())),
                    "a question never answered before cannot be answered now");

            relay.restore();
            clock.pass(FRESHNESS_GONE);
            Fresh<?> after = data.value(question);
            assertFalse(after.stale(), "recovered without a restart");
            assertEquals(first.value(), after.value());
            assertEquals(1, answered(meters, "value"), "the same build: kept, and its report fresh again");
            assertEquals(2, meters.get("ioc.dashboard.warehouse.query").tags("kind", "freshness", "outcome", "failed").timer().count(),
                    "the freshness asked again at every question while it was stale");
            assertEquals(1, meters.get("ioc.dashboard.answers.stale").tags("kind", "value").counter().count());
            assertEquals(1, meters.get("ioc.dashboard.warehouse.query").tags("kind", "ranking", "outcome", "failed").timer().count());
            data.close();
        }
    }

    private static long answered(MeterRegistry meters, String kind) {
        return meters.get("ioc.dashboard.warehouse.query").tags("kind", kind, "outcome", "answered").timer().count();
    }
}
