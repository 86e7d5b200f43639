package vn.ioc.ui.briefing;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ioc.analytics.lineage.Lineage;
import vn.ioc.analytics.AnalyticsFixture;
import vn.ioc.analytics.pace.Pace;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.ranking.Ranking;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.analytics.values.KpiValue;
import vn.ioc.ui.DashboardTestData;
import vn.ioc.ui.IocDashboard;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.base.Language;
import vn.ioc.ui.data.DashboardData;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A province's briefing over the fixture's real warehouse, read back from the PDF by PDFBox (and kept in target/screenshots). */
@SpringBootTest(classes = IocDashboard.class)
@WithMockUser(username = "hanoi")
class BriefingPdfTest {
    private final AnalyticsFixture fixture = DashboardTestData.fixture();
    private final Period period = Period.parse(DashboardTestData.period());
    @Autowired
    private DashboardData data;

    @DynamicPropertySource
    static void warehouse(DynamicPropertyRegistry registry) {
        DashboardTestData.register(registry);
    }

    private String briefing(Locale language) throws Exception {
        ResourceBundle bundle = ResourceBundle.getBundle("vaadin-i18n.translations", language);
        Briefing briefing = new BriefingAssembler(data).assemble(fixture.values.units().province("01"), period);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        new BriefingPdf(new Formats(language), (key, parameters) -> new MessageFormat(bundle.getString(key), language).format(parameters))
                .write(briefing, Instant.parse("2026-11-25T00:00:00Z"), pdf);
        Path kept = Path.of("target", "screenshots", "briefing-01-" + language.getLanguage() + ".pdf");
        Files.createDirectories(kept.getParent());
        Files.write(kept, pdf.toByteArray());
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void theBriefingPrintsEveryIndicatorWithItsValueTargetAndNationalRankInVietnamese() throws Exception {
        String text = briefing(Language.VIETNAMESE);
        Formats vi = new Formats(Language.VIETNAMESE);
        Unit hanoi = fixture.values.units().province("01");
        assertTrue(text.contains("Bản tin điều hành · Hà Nội"), text);
        assertTrue(text.contains("Tình hình thực hiện Đề án 06 · Tháng 10/2026"), text);
        Kpi verified = fixture.values.catalogue().kpi("population.verified_rate");
        KpiValue value = fixture.values.value(verified.id(), hanoi, period);
        assertTrue(text.contains(vi.name(verified)), "indicator names with their diacritics");
        assertTrue(text.contains(vi.value(verified, value.value())), "the value " + vi.value(verified, value.value()));
        assertTrue(text.contains(vi.value(verified, value.target())), "the target");
        Ranking national = data.ranking(new vn.ioc.analytics.service.AnalyticsService.RankingQuery(verified.id(), UnitLevel.PROVINCE, "VN", period.code(), Set.of())).value();
        int rank = national.units().stream().filter(unit -> unit.value().unit().equals(hanoi)).findFirst().orElseThrow().rank();
        long ranked = national.units().stream().filter(unit -> unit.rank() != null).count();
        assertTrue(text.contains(rank + "/" + ranked), "the national rank " + rank + "/" + ranked);
        for (String section : new String[] {"Các chỉ tiêu", "Xu hướng các chỉ tiêu chính", "Cảnh báo", "Cùng kỳ năm trước"}) {
            assertTrue(text.contains(section), section);
        }
        Pace pace = Pace.of(verified, fixture.values.series(verified.id(), hanoi, period.trailing(Pace.MONTHS)));
        Briefing assembled = new BriefingAssembler(data).assemble(hanoi, period);
        assertEquals(Optional.of(pace), assembled.lines().stream().filter(line -> line.kpi().equals(verified)).findFirst().orElseThrow().pace());
        assertTrue(text.contains("Tiến độ"), "the pace to target, a column of its own");
        String commune = fixture.values.units().communesOf(hanoi).getFirst().name();
        assertTrue(text.contains("Xếp hạng xã, phường theo"), "the communes ranked by the index");
        assertTrue(fixture.values.units().communesOf(hanoi).stream().anyMatch(unit -> text.contains(unit.name())), "commune names, e.g. " + commune);
        // Each table says where its figures come from: the sources, their extracts' dates and runs, the province's rows.
        String flat = text.replaceAll("\\s+", " ");
        assertTrue(flat.contains("Nguồn: ") && flat.contains("Cơ sở dữ liệu quốc gia về dân cư (số liệu đến")
                && flat.contains("Danh mục đơn vị hành chính và dân số"), flat);
        assertTrue(flat.split("Nguồn: ").length - 1 >= 3, "a footnote under the indicators, the trends and the communes");
        Lineage registry = assembled.sources().get(verified.id());
        assertTrue(flat.contains("lần nạp " + registry.loads().getFirst().runId().toString().substring(0, 8)), "the run, by its id");
    }

    @Test
    void inEnglishOnRequest() throws Exception {
        String text = briefing(Language.ENGLISH);
        assertTrue(text.contains("Briefing · " + fixture.values.units().province("01").nameEn()), text);
        assertTrue(text.contains("National rank"), text);
        assertEquals(-1, text.indexOf("Chỉ tiêu"), "no Vietnamese headings");
        assertTrue(text.replaceAll("\\s+", " ").contains("Sources: National population database (data as of"), text);
    }
}
