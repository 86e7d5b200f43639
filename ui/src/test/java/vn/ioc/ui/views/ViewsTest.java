package vn.ioc.ui.views;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import vn.ioc.ui.lineage.LineageButton;
import vn.ioc.ui.lineage.LineagePopover;
import vn.ioc.ui.charts.TrendChart;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ioc.analytics.AnalyticsFixture;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.analytics.values.KpiValue;
import vn.ioc.ui.DashboardTestData;
import vn.ioc.ui.IocDashboard;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.base.Language;
import vn.ioc.ui.base.NotFoundView;
import vn.ioc.ui.definitions.DefinitionsView;
import vn.ioc.ui.map.MapView;
import vn.ioc.ui.overview.OverviewView;
import vn.ioc.ui.quality.QualityView;
import vn.ioc.ui.ranking.RankingGrid;
import vn.ioc.analytics.pace.Pace;
import vn.ioc.ui.ranking.RankingsView;
import vn.ioc.ui.unit.CommuneView;
import vn.ioc.ui.unit.ProvinceView;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every view, browserless, as a national viewer over the fixture's real warehouse; figures checked against the analytics layer. */
@SpringBootTest(classes = IocDashboard.class)
@ViewPackages(packages = "vn.ioc.ui")
@WithMockUser(username = "quocgia")
class ViewsTest extends SpringBrowserlessTest {
    private static final Formats VI = new Formats(Language.VIETNAMESE);
    private final AnalyticsFixture fixture = DashboardTestData.fixture();
    private final String period = DashboardTestData.period();

    @DynamicPropertySource
    static void warehouse(DynamicPropertyRegistry registry) {
        DashboardTestData.register(registry);
    }

    /** Navigates as a link would: the path and its query parameters. */
    private <T extends Component> T open(String location, Class<T> type) {
        int query = location.indexOf('?');
        UI.getCurrent().navigate(query < 0 ? location : location.substring(0, query),
                query < 0 ? QueryParameters.empty() : QueryParameters.fromString(location.substring(query + 1)));
        return assertInstanceOf(type, getCurrentView());
    }

    private KpiValue expected(String kpi, Unit unit) {
        return fixture.values.value(kpi, unit, Period.parse(period));
    }

    private Unit province(String code) {
        return fixture.values.units().province(code);
    }

    @Test
    void overviewShowsEveryIndicatorOfTheUnitWithItsValue() {
        open("?unit=01&period=" + period, OverviewView.class);
        assertTrue($(H2.class).first().getText().startsWith("Hà Nội"), "the title names the unit");
        List<Div> cards = $(Div.class).withClassName("kpi-card").all();
        assertEquals(fixture.values.catalogue().all().size(), cards.size(), "one card per indicator");
        for (Div card : cards) {
            String kpi = card.getElement().getAttribute("data-kpi");
            Kpi definition = fixture.values.catalogue().kpi(kpi);
            String shown = $(Span.class, card).withClassName("kpi-value").first().getText();
            KpiValue value = expected(kpi, province("01"));
            assertEquals(value.value() == null ? "Không có số liệu cho " + VI.period(value.period()) : VI.value(definition, value.value()), shown, kpi);
        }
    }

    @Test
    @WithMockUser(username = "hcm")
    void aLeadersOverviewOpensOnTheirProvince() {
        navigate(OverviewView.class);
        assertTrue($(H2.class).first().getText().startsWith("Hồ Chí Minh"), $(H2.class).first().getText());
    }

    @Test
    void rankingsRankEveryProvinceAndFindThemWithoutDiacritics() {
        open("rankings?kpi=population.verified_rate&period=" + period, RankingsView.class);
        RankingGrid grid = $(RankingGrid.class).first();
        assertEquals(34, test(grid).size());
        assertEquals("1", test(grid).getCellText(0, 0));
        var ranking = fixture.rankings.rank("population.verified_rate", UnitLevel.PROVINCE, Unit.NATION, Period.parse(period), java.util.Set.of());
        assertEquals(ranking.units().getFirst().value().unit(), test(grid).getRow(0).unit(), "best ranked first");

        test($(com.vaadin.flow.component.textfield.TextField.class).withId("search").first()).setValue("ha noi");
        assertEquals(1, test(grid).size());
        assertEquals("Hà Nội", test(grid).getRow(0).unit().name());
    }

    /** The pace to target the analytics layer gives a unit for the test's month. */
    private Pace pace(Kpi kpi, Unit unit) {
        return Pace.of(kpi, fixture.values.series(kpi.id(), unit, Period.parse(period).trailing(Pace.MONTHS)));
    }

    @Test
    void paceToTargetOnTheCardsThePageAndTheSlippingRanking() {
        Kpi kpi = fixture.values.catalogue().kpi("population.verified_rate");
        Pace hanoi = pace(kpi, province("01"));
        open("?unit=01&period=" + period, OverviewView.class);
        Div card = $(Div.class).withClassName("kpi-card").all().stream().filter(shown -> kpi.id().equals(shown.getElement().getAttribute("data-kpi")))
                .findFirst().orElseThrow();
        assertEquals(hanoi.verdict().name(), $(Span.class, card).withClassName("pace").first().getElement().getAttribute("data-pace"));

        open("province/01?kpi=" + kpi.id() + "&period=" + period, ProvinceView.class);
        assertEquals(hanoi.verdict().name(), $(Span.class, $(Div.class).withClassName("headline").first()).withClassName("pace").first()
                .getElement().getAttribute("data-pace"));
        String trend = $(Div.class).all().stream().map(div -> div.getElement().getProperty("innerHTML", "")).filter(html -> html.contains("class=\"chart chart-wide\"")).findFirst().orElseThrow();
        assertEquals(!hanoi.projection().isEmpty(), trend.contains("Dự báo theo tốc độ hiện nay"), "the projection drawn where there is one: " + hanoi);

        open("rankings?kpi=" + kpi.id() + "&period=" + period + "&sort=pace", RankingsView.class);
        RankingGrid grid = $(RankingGrid.class).first();
        List<Pace> expected = fixture.values.units().provinces().stream().map(province -> pace(kpi, province)).sorted(Pace.SLIPPING).toList();
        for (int row = 0; row < expected.size(); row++) {
            assertEquals(0, Pace.SLIPPING.compare(expected.get(row), test(grid).getRow(row).pace()), "row " + row + ": " + test(grid).getRow(row));
        }
    }

    @Test
    @WithMockUser(username = "hanoi")
    void everyFigureSaysWhereItComesFromToThoseWhoSeeItsDetail() {
        Kpi kpi = fixture.values.catalogue().kpi("population.verified_rate");
        open("province/01?kpi=" + kpi.id() + "&period=" + period, ProvinceView.class);
        LineageButton headline = $(LineageButton.class, $(Div.class).withClassName("headline").first()).first();
        assertEquals(kpi.id() + "@01@" + period, headline.getElement().getAttribute("data-lineage"));
        assertTrue($(LineagePopover.class).all().isEmpty(), "no popover is made with the page");
        headline.click();
        LineagePopover popover = $(LineagePopover.class).single();
        String said = $(Div.class, popover).withClassName("lineage").first().getElement().getTextRecursively();
        KpiValue value = expected(kpi.id(), province("01"));
        assertTrue(said.contains("Tử số: " + VI.number(value.numerator(), value.numerator() == Math.rint(value.numerator()) ? 0 : 1)), said);
        assertTrue(said.contains("Cơ sở dữ liệu quốc gia về dân cư") && said.contains("Hà Nội: đọc "), said);
        // A month of the trend opens the same for that month; the months projected ahead have none.
        long months = $(LineageButton.class).all().stream().filter(button -> button.hasClassName("lineage-point")).count();
        long valued = fixture.values.series(kpi.id(), province("01"), Period.parse(period).trailing(TrendChart.length(Period.parse(period))))
                .stream().filter(month -> month.value() != null).count();
        assertEquals(2 * valued, months, "a hotspot per month with a value, on the desktop's chart and the phone's");
        RankingGrid communes = $(RankingGrid.class).first();
        assertEquals(kpi.id() + "@" + test(communes).getRow(0).unit().code() + "@" + period,
                communes.lineage(test(communes).getRow(0)).orElseThrow().id(), "a commune's value says where it comes from");

        open("province/79?kpi=" + kpi.id() + "&period=" + period, ProvinceView.class);
        assertTrue($(LineageButton.class).all().isEmpty(), "another province's lineage is its data quality: not offered");
    }

    @Test
    void communesOfAProvinceAreRankedWithinAPeerGroup() {
        var group = fixture.values.units().groups(UnitLevel.COMMUNE).getFirst();
        open("rankings?kpi=population.verified_rate&level=commune&scope=01&groups=" + group.id() + "&period=" + period, RankingsView.class);
        long expected = fixture.values.units().communesOf(province("01")).stream().filter(commune -> commune.tags().contains(group.id())).count();
        assertEquals(expected, test($(RankingGrid.class).first()).size());
    }

    @Test
    void compositeIndicesAreRankedLikeIndicators() {
        open("rankings?kpi=index_766&period=" + period, RankingsView.class);
        assertEquals(34, test($(RankingGrid.class).first()).size());
    }

    @Test
    void aProvincesPageShowsItsValueTrendBreakdownsAndCommunes() {
        open("province/01?kpi=population.verified_rate&period=" + period, ProvinceView.class);
        Kpi kpi = fixture.values.catalogue().kpi("population.verified_rate");
        assertEquals(VI.value(kpi, expected(kpi.id(), province("01")).value()),
                $(Span.class, $(Div.class).withClassName("headline").first()).withClassName("kpi-value").first().getText());
        List<String> charts = $(Div.class).all().stream().map(div -> div.getElement().getProperty("innerHTML", ""))
                .filter(html -> html.contains("class=\"chart chart-wide\"")).toList();
        assertEquals(1 + Math.min(2, kpi.breakdowns().size()), charts.size(), "a trend and a chart per breakdown shown");
        assertTrue(charts.getFirst().contains("Mục tiêu"), "the trend's legend is Vietnamese, diacritics intact");
        assertEquals(fixture.values.units().communesOf(province("01")).size(), test($(RankingGrid.class).first()).size());
    }

    @Test
    void aCommunesPageLinksBackUp() {
        Unit commune = fixture.values.units().communesOf(province("79")).getFirst();
        open("commune/" + commune.code() + "?kpi=population.verified_rate&period=" + period, CommuneView.class);
        assertTrue($(H2.class).first().getText().startsWith(commune.name()));
        List<String> trail = $(Anchor.class, $(Div.class).withClassName("breadcrumb").first()).all().stream().map(Anchor::getText).toList();
        assertEquals(List.of("Việt Nam", "Hồ Chí Minh"), trail);
    }

    @Test
    void theMapColoursEveryProvinceAndLinksToIt() {
        open("map?kpi=population.verified_rate&period=" + period, MapView.class);
        String svg = $(Div.class).all().stream().map(div -> div.getElement().getProperty("innerHTML", "")).filter(html -> html.contains("choropleth")).findFirst().orElseThrow();
        Matcher links = Pattern.compile("<a href=\"province/(\\d{2})\\?kpi=population.verified_rate").matcher(svg);
        int provinces = 0;
        while (links.find()) {
            provinces++;
        }
        assertEquals(34, provinces);
        Kpi kpi = fixture.values.catalogue().kpi("population.verified_rate");
        assertTrue(svg.contains("<title>Hà Nội: " + VI.value(kpi, expected(kpi.id(), province("01")).value()) + "</title>"), "hover names and values");
    }

    @Test
    void dataQualityListsTheRulesIngestChecked() {
        open("quality?unit=VN&period=" + period, QualityView.class);
        Grid<?> rules = $(Grid.class).withId("rules").first();
        assertTrue(test(rules).size() > 5, "rules checked by the five sources");
        assertTrue(test($(Grid.class).withId("runs").first()).size() >= 5, "the fixture's five loads");
        for (String download : List.of("rules-csv", "rules-xlsx", "runs-csv", "runs-xlsx")) {
            assertEquals(1, $(Anchor.class).withId(download).all().size(), "a download " + download);
        }
    }

    @Test
    void definitionsListEveryIndicatorAndIndex() {
        navigate(DefinitionsView.class);
        assertEquals(fixture.values.catalogue().all().size() + 2, $(Div.class).withClassName("definition").all().size());
    }

    @Test
    void unknownUnitsAndIndicatorsGetAFriendlyNotFound() {
        open("province/99", NotFoundView.class);
        assertTrue(((NotFoundView) getCurrentView()).getElement().getTextRecursively().contains("99"));
        open("province/01?kpi=nope", NotFoundView.class);
        assertTrue(((NotFoundView) getCurrentView()).getElement().getTextRecursively().contains("nope"));
        open("commune/01", NotFoundView.class);
        open("rankings?period=2026-13", NotFoundView.class);
    }

    @Test
    void theLanguageTogglesToEnglish() {
        open("?unit=01&period=" + period, OverviewView.class);
        assertTrue($(H2.class).first().getText().contains("Tháng 10/2026"));
        test($(Button.class).withId("language").first()).click();
        assertInstanceOf(OverviewView.class, getCurrentView());
        assertTrue($(H2.class).first().getText().contains("Month 10/2026"), $(H2.class).first().getText());
        assertFalse($(Span.class).withClassName("kpi-target").all().stream().anyMatch(span -> span.getText().startsWith("Mục tiêu")));
    }
}
