package vn.ioc.ui.planning;

import vn.ioc.analytics.planning.AllocationMethod;
import vn.ioc.analytics.planning.SiteAllocation;
import vn.ioc.analytics.planning.VaccinationSite;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.export.PdfReport;
import vn.ioc.ui.export.PdfReport.Cell;
import vn.ioc.ui.export.Table;
import vn.ioc.ui.export.Texts;

import java.awt.Color;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.function.Function;

/** A dose plan as a table (every figure, plain numbers, for CSV and XLSX) and as a printable PDF in the planner's language. */
final class DosePlanExport {
    private final Formats formats;
    private final Texts texts;
    private final Function<String, String> siteName;

    /** {@code texts}: translations by key; {@code siteName}: a site's name in the language, by code. */
    DosePlanExport(Formats formats, Texts texts, Function<String, String> siteName) {
        this.formats = formats;
        this.texts = texts;
        this.siteName = siteName;
    }

    /** Every figure of the plan, one line per site. */
    Table table(DosePlan plan, String kpi, String scope, String period) {
        List<String> header = new ArrayList<>(List.of("indicator", "scope", "period", "pack_size", "site_code", "site_name", "target_residents",
                "covered", "held", "capacity", "need", "coverage_now"));
        for (AllocationMethod method : AllocationMethod.values()) {
            String prefix = method.name().toLowerCase(Locale.ROOT) + "_";
            header.addAll(List.of(prefix + "doses", prefix + "coverage_after", prefix + "surplus", prefix + "shortage"));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (DosePlan.SiteRow row : plan.rows()) {
            VaccinationSite site = row.site();
            List<Object> line = new ArrayList<>(Arrays.asList(kpi, scope, period, plan.packSize(), site.code(), site.name(), site.targetResidents(),
                    site.covered(), site.held(), site.capacity().isPresent() ? site.capacity().getAsLong() : null, site.need(), site.coverageWith(0)));
            for (SiteAllocation allocation : row.byMethod()) {
                line.addAll(List.of(allocation.doses(), allocation.projectedCoverage(), allocation.surplus(), allocation.shortage()));
            }
            rows.add(line);
        }
        return new Table(texts.get("vaccines.title"), header, rows);
    }

    void pdf(DosePlan plan, String title, Optional<String> simulated, OutputStream out) {
        try (PdfReport report = PdfReport.start(out, title, texts.get("vaccines.pdf.subtitle",
                formats.count(plan.doses()), formats.count(plan.packSize()), formats.count(plan.sites().size()), formats.count(plan.need())))) {
            simulated.ifPresent(report::notice);
            report.heading(texts.get("vaccines.compare"));
            report.table(List.of(texts.get("vaccines.method"), texts.get("vaccines.allocated"), texts.get("vaccines.minimum"),
                            texts.get("vaccines.after.all"), texts.get("vaccines.short"), texts.get("vaccines.over")),
                    plan.summaries().stream().map(summary -> List.of(Cell.of(texts.get("method." + summary.method().name())),
                            Cell.of(formats.count(summary.allocated())), Cell.of(percent(summary.minimumCoverage())), Cell.of(percent(summary.coverageAfter())),
                            Cell.of(formats.count(summary.sitesShort()) + " · " + formats.count(summary.shortage())),
                            Cell.of(formats.count(summary.sitesOver()) + " · " + formats.count(summary.surplus())))).toList(),
                    new float[] {3, 2, 2, 2, 2, 2}, new boolean[] {false, true, true, true, true, true});
            report.heading(texts.get("vaccines.allocation"));
            List<String> header = new ArrayList<>(List.of(texts.get("vaccines.site"), texts.get("vaccines.target"), texts.get("vaccines.now"),
                    texts.get("vaccines.need")));
            for (AllocationMethod method : AllocationMethod.values()) {
                String name = texts.get("method." + method.name());
                header.addAll(List.of(name + " · " + texts.get("vaccines.doses.short"), name + " · " + texts.get("vaccines.after")));
            }
            List<List<Cell>> rows = new ArrayList<>();
            for (DosePlan.SiteRow row : plan.rows()) {
                VaccinationSite site = row.site();
                List<Cell> line = new ArrayList<>(List.of(Cell.of(siteName.apply(site.code())), Cell.of(formats.count(site.targetResidents())),
                        Cell.of(percent(site.coverageWith(0))), Cell.of(formats.count(site.need()))));
                for (SiteAllocation allocation : row.byMethod()) {
                    Color flag = allocation.shortage() > 0 ? PdfReport.SHORT : allocation.surplus() > 0 ? PdfReport.OVER : null;
                    line.add(Cell.of(formats.count(allocation.doses())));
                    line.add(new Cell(percent(allocation.projectedCoverage()), flag));
                }
                rows.add(line);
            }
            report.table(header, rows, new float[] {4, 2, 2, 2, 2, 2, 2, 2, 2, 2}, new boolean[] {false, true, true, true, true, true, true, true, true, true});
            report.line(texts.get("vaccines.pdf.legend"));
        }
    }

    private String percent(double value) {
        return formats.number(value, 1) + " %";
    }
}
