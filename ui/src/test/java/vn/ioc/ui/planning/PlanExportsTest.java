package vn.ioc.ui.planning;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import vn.ioc.analytics.planning.SchoolAssumptions;
import vn.ioc.analytics.planning.SchoolLevel;
import vn.ioc.analytics.planning.SchoolPlaces;
import vn.ioc.analytics.planning.VaccinationSite;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.base.Language;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plans' CSV and PDF files, read back: the CSV by a CSV parser, the PDF's text by PDFBox (not the library that wrote it). */
class PlanExportsTest {
    private static final Formats VI = new Formats(Language.VIETNAMESE);
    private static final ResourceBundle TEXTS = ResourceBundle.getBundle("vaadin-i18n.translations", Language.VIETNAMESE);
    private static final List<VaccinationSite> SITES = List.of(
            new VaccinationSite("26734", "Phường Sài Gòn", 1000, 900, 0, OptionalLong.empty()),
            new VaccinationSite("26737", "Phường Tân Định", 2000, 1000, 20, OptionalLong.of(600)),
            new VaccinationSite("26740", "Xã Cần Giờ", 500, 100, 0, OptionalLong.empty()));

    private static String text(String key, Object... parameters) {
        return parameters.length == 0 ? TEXTS.getString(key) : new MessageFormat(TEXTS.getString(key), Language.VIETNAMESE).format(parameters);
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void aDosePlanExportsEveryMethodAsCsvAndAsAVietnamesePdf() throws Exception {
        DosePlan plan = DosePlan.compare(SITES, 800, 10);
        DosePlanExport export = new DosePlanExport(VI, PlanExportsTest::text, code -> SITES.stream().filter(site -> site.code().equals(code))
                .findFirst().orElseThrow().name());
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        export.table(plan, "vaccination.covid_first_dose", "79", "2026-10").csv(csv);
        String content = csv.toString(StandardCharsets.UTF_8);
        assertTrue(content.startsWith("\uFEFF"), "a byte-order mark for spreadsheets");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(content.substring(1))).getRecords();
        assertEquals(3, rows.size());
        assertEquals("Phường Tân Định", rows.get(1).get("site_name"));
        assertEquals("600", rows.get(1).get("capacity"));
        for (String method : List.of("population", "need", "equity")) {
            assertEquals(800, rows.stream().mapToLong(row -> Long.parseLong(row.get(method + "_doses"))).sum(), method);
            assertTrue(Long.parseLong(rows.get(1).get(method + "_doses")) <= 600 - 20, method + ": within Tân Định's room");
        }

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        export.pdf(plan, "Phân bổ vắc xin · Thành phố Hồ Chí Minh", Optional.of("Dữ liệu mô phỏng · mẫu 1 %"), pdf);
        String printed = pdfText(pdf.toByteArray());
        for (String expected : List.of("Phân bổ vắc xin · Thành phố Hồ Chí Minh", "Phường Tân Định", "Xã Cần Giờ", "Công bằng (độ bao phủ thấp nhất trước)",
                "So sánh các phương pháp", "800 liều, hộp 10 liều, 3 điểm nhận", "Dữ liệu mô phỏng · mẫu 1 %")) {
            assertTrue(printed.contains(expected), "the PDF says " + expected + ":\n" + printed);
        }
    }

    @Test
    void aSchoolPlanExportsEveryCommuneLevelAndYear() throws Exception {
        long[] ages = new long[18];
        Arrays.fill(ages, 100);
        SchoolPlaces commune = new SchoolPlaces("00004", "Phường Ba Đình", ages, Map.of(SchoolLevel.PRIMARY, 400L), Map.of(SchoolLevel.PRIMARY, 10L));
        SchoolPlan plan = SchoolPlan.project(List.of(commune), SchoolAssumptions.standard(), YearMonth.of(2026, 10));
        SchoolPlanExport export = new SchoolPlanExport(VI, PlanExportsTest::text, code -> "Phường Ba Đình");
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        export.table(plan, "01", "2026-10").csv(csv);
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.toString(StandardCharsets.UTF_8).substring(1))).getRecords();
        assertEquals(4 * 5, rows.size(), "four levels, five years");
        CSVRecord primaryIn2031 = rows.stream().filter(row -> row.get("level").equals("primary") && row.get("school_year").equals("2031-2032"))
                .findFirst().orElseThrow();
        assertEquals(500 - 400, Double.parseDouble(primaryIn2031.get("seat_gap")), 1e-9, "five ages of 100 children, all enrolled, 400 seats");
        assertEquals(15 - 10, Long.parseLong(primaryIn2031.get("classrooms_missing")), "500 pupils at 35 a class need 15 rooms");

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        export.pdf(plan, SchoolLevel.PRIMARY, 5, "Quy hoạch chỗ học · Thành phố Hà Nội", "Giả định: chuẩn quốc gia", Optional.empty(), pdf);
        String printed = pdfText(pdf.toByteArray());
        for (String expected : List.of("Quy hoạch chỗ học · Thành phố Hà Nội", "Phường Ba Đình", "Tiểu học", "2031–2032", "+100")) {
            assertTrue(printed.contains(expected), "the PDF says " + expected + ":\n" + printed);
        }
        assertFalse(printed.contains("mô phỏng"), "real data is not labelled simulated");
    }
}
