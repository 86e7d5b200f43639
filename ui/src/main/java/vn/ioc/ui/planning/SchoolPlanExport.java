package vn.ioc.ui.planning;

import vn.ioc.analytics.planning.SchoolGap;
import vn.ioc.analytics.planning.SchoolLevel;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.export.PdfReport;
import vn.ioc.ui.export.PdfReport.Cell;
import vn.ioc.ui.export.Table;
import vn.ioc.ui.export.Texts;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.function.Function;

/** A school plan as a table (every commune, level and year, for CSV and XLSX) and as a printable PDF of one level and year. */
final class SchoolPlanExport {
    private final Formats formats;
    private final Texts texts;
    private final Function<String, String> communeName;

    SchoolPlanExport(Formats formats, Texts texts, Function<String, String> communeName) {
        this.formats = formats;
        this.texts = texts;
        this.communeName = communeName;
    }

    /** Every commune, level and year of the plan. */
    Table table(SchoolPlan plan, String province, String period) {
        List<List<Object>> rows = new ArrayList<>();
        for (SchoolPlan.CommuneGaps gaps : plan.communes()) {
            for (SchoolGap gap : gaps.byYear()) {
                rows.add(Arrays.asList(province, period, gaps.commune().code(), gaps.commune().name(), gaps.level().name().toLowerCase(Locale.ROOT),
                        plan.schoolYear(gap.yearsAhead()) + "-" + (plan.schoolYear(gap.yearsAhead()) + 1), gap.yearsAhead(), gap.pupils(), gap.seats(),
                        gap.seatGap(), gap.classrooms(), gap.classroomsMissing(), gaps.surplusThroughout()));
            }
        }
        return new Table(texts.get("schools.title"), List.of("province", "period", "commune_code", "commune_name", "level", "school_year", "years_ahead", "pupils", "seats",
                "seat_gap", "classrooms", "classrooms_missing", "surplus_throughout"), rows);
    }

    void pdf(SchoolPlan plan, SchoolLevel level, int yearsAhead, String title, String assumptions, Optional<String> simulated, OutputStream out) {
        try (PdfReport report = PdfReport.start(out, title, assumptions)) {
            simulated.ifPresent(report::notice);
            report.heading(texts.get("schools.summary", schoolYear(plan, yearsAhead)));
            report.table(List.of(texts.get("schools.level"), texts.get("schools.pupils"), texts.get("schools.seats"), texts.get("schools.missing"),
                            texts.get("schools.spare"), texts.get("schools.build"), texts.get("schools.short"), texts.get("schools.surplus")),
                    plan.summaries(yearsAhead).stream().map(summary -> List.of(Cell.of(texts.get("school." + summary.level().name())),
                            Cell.of(formats.number(summary.pupils(), 0)), Cell.of(formats.count(summary.seats())), Cell.of(formats.number(summary.seatsMissing(), 0)),
                            Cell.of(formats.number(summary.seatsSpare(), 0)), Cell.of(formats.count(summary.classroomsMissing())),
                            Cell.of(formats.count(summary.communesShort())), Cell.of(formats.count(summary.communesSurplus())))).toList(),
                    new float[] {3, 2, 2, 2, 2, 2, 2, 2}, new boolean[] {false, true, true, true, true, true, true, true});
            report.heading(texts.get("schools.ranking", texts.get("school." + level.name()), schoolYear(plan, yearsAhead)));
            List<String> header = new ArrayList<>(List.of("#", texts.get("schools.commune"), texts.get("schools.pupils"), texts.get("schools.seats")));
            SchoolPlan.yearsAhead().forEach(ahead -> header.add(texts.get("schools.gap.in", schoolYear(plan, ahead))));
            header.addAll(List.of(texts.get("schools.classrooms"), texts.get("schools.build")));
            List<List<Cell>> rows = new ArrayList<>();
            List<SchoolPlan.CommuneGaps> ranking = plan.ranking(level, yearsAhead);
            for (int i = 0; i < ranking.size(); i++) {
                SchoolPlan.CommuneGaps gaps = ranking.get(i);
                SchoolGap year = gaps.in(yearsAhead);
                List<Cell> line = new ArrayList<>(List.of(Cell.of(i + 1), Cell.of(communeName.apply(gaps.commune().code())
                        + (gaps.surplusThroughout() ? " · " + texts.get("schools.nobuild") : "")), Cell.of(formats.number(year.pupils(), 0)), Cell.of(formats.count(year.seats()))));
                gaps.byYear().forEach(gap -> line.add(new Cell(signed(formats, gap.seatGap()), gap.seatGap() > 0 ? PdfReport.SHORT : null)));
                line.addAll(List.of(Cell.of(formats.count(year.classrooms())), Cell.of(formats.count(year.classroomsMissing()))));
                rows.add(line);
            }
            float[] widths = {1, 5, 2, 2, 2, 2, 2, 2, 2, 2, 2};
            boolean[] numeric = {true, false, true, true, true, true, true, true, true, true, true};
            report.table(header, rows, widths, numeric);
            report.line(texts.get("schools.pdf.legend"));
        }
    }

    static String schoolYear(SchoolPlan plan, int yearsAhead) {
        return plan.schoolYear(yearsAhead) + "–" + (plan.schoolYear(yearsAhead) + 1);
    }

    /** A gap with its sign: {@code +120} places missing, {@code −40} to spare. */
    static String signed(Formats formats, double gap) {
        long rounded = Math.round(gap);
        return (rounded > 0 ? "+" : rounded < 0 ? "−" : "±") + formats.count(Math.abs(rounded));
    }
}
