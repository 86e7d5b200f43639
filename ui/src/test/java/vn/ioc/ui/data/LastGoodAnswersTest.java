package vn.ioc.ui.data;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
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
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With the warehouse cut off, answers already given come back marked stale; once it is back, fresh answers resume by themselves. */
class LastGoodAnswersTest {
    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void staleWhileTheWarehouseIsUnreachableThenFreshAgain() throws Exception {
        DashboardTestData.fixture();
        String period = DashboardTestData.period();
        WarehouseConnection reader = TestWarehouse.reader("analytics_test");
        URI direct = URI.create(reader.url().substring("jdbc:".length()));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("quocgia", null, AuthorityUtils.NO_AUTHORITIES));
        try (Relay relay = new Relay(direct.getPort())) {
            WarehouseConnection relayed = new WarehouseConnection(reader.url().replace(":" + direct.getPort() + "/", ":" + relay.port() + "/"),
                    reader.user(), reader.password());
            MeterRegistry meters = new SimpleMeterRegistry();
            DashboardData data = new DashboardData(new AnalyticsPool(relayed, 2, 10),
                    new CurrentUser(DashboardUsers.demo()), Clock.systemUTC(), new Refusals(meters), meters);
            ValueQuery question = new ValueQuery("population.verified_rate", "01", period);
            Fresh<?> first = data.value(question);
            assertFalse(first.stale());

            relay.cut();
            Fresh<?> meanwhile = data.value(question);
            assertTrue(meanwhile.stale(), "the last answer, marked stale");
            assertEquals(first.value(), meanwhile.value());
            assertEquals(first.asOf(), meanwhile.asOf(), "dated when the warehouse gave it");
            assertThrows(WarehouseUnavailableException.class,
                    () -> data.ranking(new RankingQuery("population.verified_rate", UnitLevel.PROVINCE, "VN", period, Set.of())),
                    "a question never answered before cannot be answered now");

            relay.restore();
            Fresh<?> after = data.value(question);
            assertFalse(after.stale(), "recovered without a restart");
            assertEquals(first.value(), after.value());
            assertEquals(2, meters.get("ioc.dashboard.warehouse.query").tags("kind", "value", "outcome", "answered").timer().count());
            assertEquals(1, meters.get("ioc.dashboard.answers.stale").tags("kind", "value").counter().count());
            assertEquals(1, meters.get("ioc.dashboard.warehouse.query").tags("kind", "ranking", "outcome", "failed").timer().count());
            data.close();
        }
    }
}
