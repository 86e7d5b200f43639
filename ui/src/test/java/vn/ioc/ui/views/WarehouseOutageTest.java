package vn.ioc.ui.views;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ioc.ui.DashboardTestData;
import vn.ioc.ui.IocDashboard;
import vn.ioc.ui.base.DataStamp;
import vn.ioc.ui.data.DashboardData;
import vn.ioc.ui.base.WarehouseDownView;
import vn.ioc.ui.Relay;
import vn.ioc.ui.overview.OverviewView;
import vn.ioc.ui.ranking.RankingsView;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard with its warehouse behind a relay that is cut: a page keeps its last figures with a "data as of"
 * warning, a page never shown says the warehouse is down, and both come back once the warehouse answers again.
 */
@SpringBootTest(classes = IocDashboard.class)
@ViewPackages(packages = "vn.ioc.ui")
@WithMockUser(username = "quocgia")
class WarehouseOutageTest extends SpringBrowserlessTest {
    private static Relay relay;

    @DynamicPropertySource
    static void warehouse(DynamicPropertyRegistry registry) throws Exception {
        relay = DashboardTestData.registerBehindRelay(registry);
    }

    @AfterAll
    static void closeRelay() throws Exception {
        relay.close();
    }

    private Object open(String path, String query) {
        UI.getCurrent().navigate(path, QueryParameters.fromString(query));
        return getCurrentView();
    }

    private List<String> cardValues() {
        return $(Div.class).withClassName("kpi-card").all().stream().map(card -> card.getElement().getTextRecursively()).toList();
    }

    @Test
    void lastFiguresStayWithAWarningAndComeBack() throws Exception {
        String query = "unit=01&period=" + DashboardTestData.period();
        assertInstanceOf(OverviewView.class, open("", query));
        List<String> before = cardValues();
        assertTrue($(DataStamp.class).first().hasClassName("fresh"));

        relay.cut();
        Thread.sleep(DashboardData.FRESHNESS_KEPT.plusSeconds(1).toMillis()); // until then the build last reported stands, and its answers with it
        try {
            assertInstanceOf(OverviewView.class, open("", query));
            DataStamp stamp = $(DataStamp.class).first();
            assertTrue(stamp.hasClassName("stale"), stamp.getText());
            assertTrue(stamp.getText().startsWith("Không kết nối được kho dữ liệu"), stamp.getText());
            assertEquals(before, cardValues(), "the last figures, unchanged");
            assertInstanceOf(WarehouseDownView.class, open("rankings", "kpi=services.satisfaction&level=commune&scope=48&period=" + DashboardTestData.period()),
                    "a page that never had figures says the warehouse is down");
        } finally {
            relay.restore();
        }
        assertInstanceOf(OverviewView.class, open("", query));
        assertTrue($(DataStamp.class).first().hasClassName("fresh"), "recovered");
        assertInstanceOf(RankingsView.class, open("rankings", "kpi=services.satisfaction&level=commune&scope=48&period=" + DashboardTestData.period()));
    }
}
