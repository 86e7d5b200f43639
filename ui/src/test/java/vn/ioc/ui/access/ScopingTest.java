package vn.ioc.ui.access;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ioc.analytics.service.AnalyticsService.RankingQuery;
import vn.ioc.analytics.service.AnalyticsService.ValueQuery;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.ui.DashboardTestData;
import vn.ioc.ui.IocDashboard;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import vn.ioc.ui.base.RefusedView;
import vn.ioc.ui.quality.QualityView;
import vn.ioc.ui.ranking.RankingGrid;
import vn.ioc.ui.unit.ProvinceView;
import vn.ioc.ui.data.DashboardData;
import vn.ioc.ui.unit.CommuneView;
import vn.ioc.ui.ranking.RankingsView;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A provincial leader sees provinces nationally but only their own province's communes: in the service, and so in every view. */
@SpringBootTest(classes = IocDashboard.class)
@ViewPackages(packages = "vn.ioc.ui")
@WithMockUser(username = "hanoi")
class ScopingTest extends SpringBrowserlessTest {
    private final String period = DashboardTestData.period();
    @Autowired
    private DashboardData data;

    @DynamicPropertySource
    static void warehouse(DynamicPropertyRegistry registry) {
        DashboardTestData.register(registry);
    }

    private String communeOf(String province) {
        return DashboardTestData.fixture().values.units().communesOf(DashboardTestData.fixture().values.units().province(province)).getFirst().code();
    }

    private Object open(String path, String query) {
        UI.getCurrent().navigate(path, QueryParameters.fromString(query));
        return getCurrentView();
    }

    @Test
    void theServiceRefusesAnotherProvincesCommunes() {
        AccessDeniedException refused = assertThrows(AccessDeniedException.class,
                () -> data.value(new ValueQuery("population.verified_rate", communeOf("79"), period)));
        assertTrue(refused.getMessage().contains("hanoi may not see commune"), refused.getMessage());
        assertEquals(ScopeRefusal.Reason.COMMUNES, assertInstanceOf(ScopeRefusal.class, refused).reason());
        assertThrows(AccessDeniedException.class, () -> data.ranking(new RankingQuery("population.verified_rate", UnitLevel.COMMUNE, "79", period, Set.of())));
        assertThrows(AccessDeniedException.class, () -> data.ranking(new RankingQuery("population.verified_rate", UnitLevel.COMMUNE, "VN", period, Set.of())));
        assertEquals(34, data.ranking(new RankingQuery("population.verified_rate", UnitLevel.PROVINCE, "VN", period, Set.of())).value().units().size(),
                "provinces are ranked nationally for everyone");
        assertEquals("01", data.value(new ValueQuery("population.verified_rate", communeOf("01"), period)).value().unit().provinceCode());
    }

    @Test
    void theViewsShowTheRefusal() {
        assertInstanceOf(RefusedView.class, open("commune/" + communeOf("79"), "period=" + period));
        assertInstanceOf(RefusedView.class, open("rankings", "level=commune&scope=79&period=" + period));
        assertInstanceOf(CommuneView.class, open("commune/" + communeOf("01"), "period=" + period));
        assertInstanceOf(RankingsView.class, open("rankings", "level=commune&scope=01&period=" + period));
    }

    @Test
    void anotherProvincesPageShowsItsFiguresButNotItsCommunes() {
        assertInstanceOf(ProvinceView.class, open("province/79", "period=" + period));
        assertTrue($(RankingGrid.class).all().isEmpty(), "no commune ranking of another province");
        assertTrue($(Anchor.class).all().stream().noneMatch(link -> "briefing".equals(link.getId().orElse(null))), "no briefing of another province");
        assertTrue($(Paragraph.class).all().stream().anyMatch(note -> note.getText().contains("Hồ Chí Minh") && note.getText().contains("Hà Nội")),
                "the page says whose communes it does not show, and whose it does");
        assertInstanceOf(ProvinceView.class, open("province/01", "period=" + period));
        assertTrue(!$(RankingGrid.class).all().isEmpty(), "the own province's communes are ranked");
    }

    @Test
    void qualityIsTheOwnProvincesOnly() {
        assertInstanceOf(QualityView.class, open("quality", "period=" + period));
        assertInstanceOf(RefusedView.class, open("quality", "unit=79&period=" + period));
        assertInstanceOf(RefusedView.class, open("quality", "unit=VN&period=" + period));
        assertThrows(ScopeRefusal.class, () -> data.quality(new DashboardData.QualityQuery("79", period)));
    }

    @Test
    @WithMockUser(username = "manhinh")
    void aWallDeviceOpensItsWallOnly() {
        for (String page : List.of("", "rankings", "province/01", "map", "quality", "definitions")) {
            assertInstanceOf(RefusedView.class, open(page, "period=" + period), page);
        }
        assertTrue($(Paragraph.class).all().stream().anyMatch(note -> note.getText().contains("màn hình điều hành")), "the refusal says why");
        assertTrue($(Anchor.class).all().isEmpty(), "no link to a page the device would be refused");
    }

    @Test
    @WithMockUser(username = "quocgia")
    void aNationalViewerSeesEveryCommune() {
        assertInstanceOf(CommuneView.class, open("commune/" + communeOf("79"), "period=" + period));
    }
}
