package vn.ioc.ui.planning;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ioc.analytics.planning.AllocationMethod;
import vn.ioc.analytics.planning.SchoolAssumptions;
import vn.ioc.analytics.planning.SchoolGap;
import vn.ioc.analytics.planning.SchoolLevel;
import vn.ioc.analytics.planning.SchoolPlaceProjection;
import vn.ioc.analytics.planning.SchoolPlaces;
import vn.ioc.analytics.planning.VaccinationSite;
import vn.ioc.analytics.service.AnalyticsService;
import vn.ioc.ui.DashboardTestData;
import vn.ioc.ui.IocDashboard;
import vn.ioc.ui.base.NotFoundView;
import vn.ioc.ui.data.DashboardData;
import vn.ioc.warehouse.server.TestWarehouse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The planning pages, browserless, as a planner over the fixture's real warehouse. */
@SpringBootTest(classes = IocDashboard.class)
@ViewPackages(packages = "vn.ioc.ui")
@WithMockUser(username = "kehoach", roles = "PLANNER")
class PlanningViewsTest extends SpringBrowserlessTest {
    private static final String COVERAGE = "vaccination.covid_first_dose";
    private final String period = DashboardTestData.period();
    @Autowired
    private DashboardData data;
    @Autowired
    private ScenarioStore scenarios;

    @DynamicPropertySource
    static void warehouse(DynamicPropertyRegistry registry) {
        DashboardTestData.register(registry);
    }

    private <T extends Component> T open(String path, String query, Class<T> type) {
        UI.getCurrent().navigate(path, QueryParameters.fromString(query));
        return assertInstanceOf(type, getCurrentView());
    }

    @SuppressWarnings("unchecked")
    private <T> Grid<T> grid(String id) {
        return $(Grid.class).withId(id).first();
    }

    private static List<VaccinationSite> sites(String scope, String period) throws Exception {
        try (AnalyticsService service = AnalyticsService.open(TestWarehouse.reader("analytics_test"), 2)) {
            return service.vaccinationSites(COVERAGE, scope, period);
        }
    }

    /** A formatted whole number (Vietnamese: dots between thousands) back to a number. */
    private static long count(String text) {
        return Long.parseLong(text.replace(".", "").replace("\u00a0", "").strip());
    }

    @Test
    void threeMethodsShareExactlyTheDosesAndEquityLiftsTheLowestCoverage() throws Exception {
        List<VaccinationSite> sites = sites("79", period);
        long need = sites.stream().mapToLong(VaccinationSite::need).sum();
        long doses = need / 3 / 10 * 10;
        open(VaccinationPlanView.PATH, "kpi=" + COVERAGE + "&scope=79&period=" + period + "&doses=" + doses + "&pack=10", VaccinationPlanView.class);
        Grid<DosePlan.MethodSummary> methods = $(Grid.class).withId("methods").first();
        assertEquals(3, test(methods).size());
        for (int i = 0; i < 3; i++) {
            assertEquals(doses, test(methods).getRow(i).allocated(), "every method allocates exactly the doses available");
        }
        assertTrue(test(methods).getRow(2).minimumCoverage() >= test(methods).getRow(0).minimumCoverage() - 1e-9);
        assertTrue(test(methods).getRow(2).minimumCoverage() >= test(methods).getRow(1).minimumCoverage() - 1e-9);

        Grid<DosePlan.SiteRow> allocations = $(Grid.class).withId("allocations").first();
        assertEquals(sites.size(), test(allocations).size(), "one row per commune of Hồ Chí Minh");
        for (AllocationMethod method : AllocationMethod.values()) {
            long shown = 0;
            for (int row = 0; row < sites.size(); row++) {
                shown += count(test(allocations).getCellText(row, 6 + 2 * method.ordinal()));
            }
            assertEquals(doses, shown, method + ": the doses shown add up to the doses available");
            for (int row = 0; row < sites.size(); row++) {
                assertEquals(0, test(allocations).getRow(row).byMethod().get(method.ordinal()).doses() % 10, "whole packs");
            }
        }
        assertTrue(test(allocations).getCellText(0, 0).matches(".*\\p{L}.*"), "communes named");
    }

    @Test
    void dosesThatCannotBeAllocatedSayWhy() {
        open(VaccinationPlanView.PATH, "kpi=" + COVERAGE + "&scope=79&period=" + period + "&doses=25&pack=10", VaccinationPlanView.class);
        String refused = $(Div.class).withId("refused").first().getText();
        assertTrue(refused.contains("25") && refused.contains("20") && refused.contains("30"), refused);
        assertTrue($(Grid.class).withId("allocations").all().isEmpty());
        open(VaccinationPlanView.PATH, "kpi=population.verified_rate&scope=79", NotFoundView.class);
        open(VaccinationPlanView.PATH, "kpi=" + COVERAGE + "&scope=" + commune("79"), NotFoundView.class);
    }

    private String commune(String province) {
        return data.catalogue().communes().values().stream().filter(unit -> unit.provinceCode().equals(province)).findFirst().orElseThrow().code();
    }

    @Test
    void aStockFileLimitsTheSitesAndASavedScenarioBringsItBack() throws Exception {
        List<VaccinationSite> sites = sites("VN", period);
        VaccinationPlanView view = open(VaccinationPlanView.PATH, "kpi=" + COVERAGE + "&period=" + period + "&doses=100&pack=10", VaccinationPlanView.class);
        view.takeStock("kho.csv", ("code,held,capacity\n01,5,20\n99,0,10\n08,abc,\n").getBytes(StandardCharsets.UTF_8), sites);
        String problem = $(Div.class).withId("stock-problem").first().getText();
        assertTrue(problem.contains("kho.csv line 3, column code") && problem.contains("kho.csv line 4, column held"), problem);
        assertEquals(100, test(this.<DosePlan.MethodSummary>grid("methods")).getRow(0).allocated(), "a refused file changes nothing");

        // Every province but Hà Nội full; Hà Nội can take 10 more doses, so 20 doses cannot go anywhere in packs of 10 ...
        String stock = "\uFEFFcode,held,capacity\n" + sites.stream().map(site -> site.code() + ",5," + (site.code().equals("01") ? 15 : 5))
                .collect(Collectors.joining("\n"));
        view.takeStock("kho.csv", stock.getBytes(StandardCharsets.UTF_8), sites);
        assertTrue($(Div.class).withId("refused").first().getText().contains("100"));
        // ... and 10 doses all go to Hà Nội, whatever the method.
        view = open(VaccinationPlanView.PATH, "kpi=" + COVERAGE + "&period=" + period + "&doses=10&pack=10", VaccinationPlanView.class);
        Grid<DosePlan.SiteRow> allocations = $(Grid.class).withId("allocations").first();
        for (int row = 0; row < test(allocations).size(); row++) {
            DosePlan.SiteRow site = test(allocations).getRow(row);
            assertEquals(5, site.site().held());
            for (AllocationMethod method : AllocationMethod.values()) {
                assertEquals(site.site().code().equals("01") ? 10 : 0, site.byMethod().get(method.ordinal()).doses());
            }
        }

        test($(TextField.class).withId("scenario-name").first()).setValue("  Đợt tiêm tháng 11  ");
        test($(Button.class).withId("save-scenario").first()).click();
        DoseScenario saved = scenarios.find("Đợt tiêm tháng 11").orElseThrow();
        assertEquals(sites.size(), saved.stock().size());
        assertEquals(10, saved.doses());
        assertEquals("kehoach", saved.savedBy());

        test($(Button.class).withId("clear-stock").first()).click();
        assertEquals(0, test(this.<DosePlan.SiteRow>grid("allocations")).getRow(0).site().held(), "stock cleared");
        open(VaccinationPlanView.PATH, "scenario=Đợt tiêm tháng 11", VaccinationPlanView.class);
        assertEquals(5, test(this.<DosePlan.SiteRow>grid("allocations")).getRow(0).site().held(), "the scenario's stock is back");
        assertTrue($(Paragraph.class).all().stream().anyMatch(p -> p.getText().contains("Đợt tiêm tháng 11")));
        open(VaccinationPlanView.PATH, "scenario=không có", NotFoundView.class);
    }

    @Test
    void schoolPlacesRankTheCommunesByTheirGap() throws Exception {
        List<SchoolPlaces> places;
        try (AnalyticsService service = AnalyticsService.open(TestWarehouse.reader("analytics_test"), 2)) {
            places = service.schoolPlaces("01", period);
        }
        // The fixture's few residents a commune leave every school room to spare; children doubling each year fill some.
        SchoolAssumptions growing = new SchoolAssumptions(Map.of(SchoolLevel.PRESCHOOL, 0.95, SchoolLevel.PRIMARY, 1.5, SchoolLevel.LOWER_SECONDARY, 0.95,
                SchoolLevel.UPPER_SECONDARY, 0.8), 1, 1, 35);
        String assumed = "&primary=150&migration=100";
        open(SchoolPlanView.PATH, "province=01&period=" + period + "&level=primary&year=5" + assumed, SchoolPlanView.class);
        Grid<SchoolPlan.LevelSummary> levels = grid("levels");
        assertEquals(4, test(levels).size());
        List<SchoolGap> primaryIn5 = places.stream().flatMap(commune -> SchoolPlaceProjection.project(commune, growing).stream())
                .filter(gap -> gap.level() == SchoolLevel.PRIMARY && gap.yearsAhead() == 5).toList();
        double missing = primaryIn5.stream().mapToDouble(gap -> Math.max(0, gap.seatGap())).sum();
        double spare = primaryIn5.stream().mapToDouble(gap -> Math.max(0, -gap.seatGap())).sum();
        assertEquals(missing, test(levels).getRow(1).seatsMissing(), 1e-6);
        assertEquals(spare, test(levels).getRow(1).seatsSpare(), 1e-6);
        assertTrue(missing > 0 && spare > 0, "communes short of primary places and communes with places to spare");

        Grid<SchoolPlan.CommuneGaps> gaps = $(Grid.class).withId("gaps").first();
        assertEquals(places.size(), test(gaps).size(), "every commune of Hà Nội");
        for (int row = 1; row < test(gaps).size(); row++) {
            assertTrue(test(gaps).getRow(row - 1).in(5).seatGap() >= test(gaps).getRow(row).in(5).seatGap(), "largest gap first");
        }
        String tiles = $(Div.class).all().stream().map(div -> div.getElement().getProperty("innerHTML", "")).filter(html -> html.contains("tile-map")).findFirst().orElseThrow();
        assertEquals(places.size(), tiles.split("<rect").length - 1, "a tile per commune");
        long classroomsAt35 = test(levels).getRow(1).classroomsMissing();

        open(SchoolPlanView.PATH, "province=01&period=" + period + "&level=primary&year=5&class=20" + assumed, SchoolPlanView.class);
        assertTrue(test(this.<SchoolPlan.LevelSummary>grid("levels")).getRow(1).classroomsMissing() > classroomsAt35, "smaller classes need more rooms");
        open(SchoolPlanView.PATH, "province=01&year=9", NotFoundView.class);
        open(SchoolPlanView.PATH, "province=01&level=college", NotFoundView.class);
        open(SchoolPlanView.PATH, "province=01&class=0", NotFoundView.class);
    }

    @Test
    @WithMockUser(username = "quocgia")
    void onlyPlannersPlan() {
        UI.getCurrent().navigate(VaccinationPlanView.PATH);
        assertFalse(getCurrentView() instanceof VaccinationPlanView);
        UI.getCurrent().navigate(SchoolPlanView.PATH);
        assertFalse(getCurrentView() instanceof SchoolPlanView);
        assertThrows(AccessDeniedException.class, () -> data.schoolPlaces(new DashboardData.SchoolQuery("01", period)));
        assertTrue($(com.vaadin.flow.component.sidenav.SideNavItem.class).all().stream().noneMatch(item -> item.getPath().startsWith("planning")));
    }
}
