package vn.ioc.ui.lineage;

import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.lineage.Lineage;
import vn.ioc.analytics.lineage.LineageReader;
import vn.ioc.analytics.period.Period;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.export.Texts;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A figure's lineage in words, for the popover and for the printed briefing: its formula with the amounts, each source
 * with its extract, run and the unit's rows, the 2025 crosswalk's part and small-count suppression.
 */
public final class LineageText {
    /** How many of a run's files are named; the rest are counted. */
    private static final int FILES_NAMED = 3;

    private LineageText() {
    }

    /** A heading and its lines. */
    public record Section(String heading, List<String> lines) {
    }

    public static List<Section> sections(Texts texts, Formats formats, Kpi kpi, Lineage lineage) {
        List<Section> sections = new ArrayList<>();
        List<String> formula = new ArrayList<>();
        formula.add(formats.text(kpi.definition()));
        if (lineage.value() == null) {
            formula.add(texts.get("lineage.nodata"));
        } else {
            formula.add(side(texts, formats, "lineage.numerator", lineage.numerator()));
            if (lineage.denominator() != null) {
                formula.add(side(texts, formats, "lineage.denominator", lineage.denominator()));
                formula.add(texts.get("lineage.result", amount(formats, lineage.numerator().amount()), amount(formats, lineage.denominator().amount()),
                        formats.number(lineage.factor(), 0), formats.value(kpi, lineage.value())));
            }
        }
        sections.add(new Section(texts.get("lineage.formula"), formula));
        for (Lineage.Load load : lineage.loads()) {
            List<String> lines = new ArrayList<>();
            if (load.runId() == null) {
                lines.add(texts.get("lineage.reference"));
            } else {
                lines.add(texts.get("lineage.run", month(formats, load.extractMonth()), load.asOf() == null ? "?" : formats.date(load.asOf()),
                        load.runId().toString().substring(0, 8), formats.moment(load.loadedAt())));
                lines.add(texts.get("lineage.files", load.files().size(), load.filesInRun(), files(load.files())));
                Lineage.Rows rows = load.rows();
                lines.add(texts.get("lineage.rows", formats.name(lineage.unit()), formats.count(rows.read()), formats.count(rows.quarantined()),
                        formats.count(rows.duplicates()), formats.count(rows.mapped()), formats.count(rows.flagged())));
            }
            sections.add(new Section(texts.get("lineage.source." + load.source()) + " · " + load.table(), lines));
        }
        if (lineage.loads().isEmpty() && lineage.value() != null) {
            sections.add(new Section(texts.get("lineage.sources"), List.of(texts.get("lineage.unrecorded"))));
        }
        List<String> crosswalk = new ArrayList<>();
        if (lineage.crosswalk().mappedRows() > 0) {
            crosswalk.add(texts.get("lineage.crosswalk.mapped", formats.count(lineage.crosswalk().mappedRows())));
        }
        if (lineage.crosswalk().approximate()) {
            crosswalk.add(texts.get("lineage.crosswalk.approximate"));
        }
        sections.add(new Section(texts.get("lineage.crosswalk"), crosswalk.isEmpty() ? List.of(texts.get("lineage.crosswalk.none")) : crosswalk));
        List<String> privacy = new ArrayList<>();
        privacy.add(lineage.suppression().persons() ? texts.get("lineage.suppression.persons", lineage.suppression().k())
                : texts.get("lineage.suppression.none"));
        if (lineage.sample()) {
            privacy.add(texts.get("lineage.sample"));
        }
        sections.add(new Section(texts.get("lineage.suppression"), privacy));
        return sections;
    }

    /**
     * The sources of a table's figures in one line, for a printed briefing's footnote: each source with its extract's
     * as-of date and run, and the rows read, quarantined and dropped for the unit over all of them.
     */
    public static String footnote(Texts texts, Formats formats, List<Lineage> lineages) {
        Set<String> sources = new LinkedHashSet<>();
        Set<String> counted = new LinkedHashSet<>();
        long read = 0;
        long quarantined = 0;
        long duplicates = 0;
        long mapped = 0;
        boolean approximate = false;
        for (Lineage lineage : lineages) {
            approximate |= lineage.crosswalk().approximate();
            for (Lineage.Load load : lineage.loads()) {
                if (load.runId() == null) {
                    sources.add(texts.get("lineage.source." + LineageReader.REFERENCE_SOURCE));
                    continue;
                }
                sources.add(texts.get("lineage.footnote.source", texts.get("lineage.source." + load.source()),
                        load.asOf() == null ? "?" : formats.date(load.asOf()), load.runId().toString().substring(0, 8)));
                if (counted.add(load.source() + "/" + load.runId())) {
                    read += load.rows().read();
                    quarantined += load.rows().quarantined();
                    duplicates += load.rows().duplicates();
                    mapped += load.rows().mapped();
                }
            }
        }
        if (sources.isEmpty()) {
            return "";
        }
        return texts.get("lineage.footnote", String.join("; ", sources), formats.count(read), formats.count(quarantined), formats.count(duplicates),
                formats.count(mapped)) + (approximate ? " " + texts.get("lineage.crosswalk.approximate") : "");
    }

    private static String side(Texts texts, Formats formats, String key, Lineage.Side side) {
        String where = side.where() == null ? "" : " WHERE " + side.where();
        String days = side.from() == null ? "" : side.snapshot() ? texts.get("lineage.snapshot", month(formats, side.to().toString().substring(0, 7)))
                : side.from().equals(side.to()) ? texts.get("lineage.day", formats.date(side.to()))
                : side.from().getYear() < 1971 ? texts.get("lineage.until", formats.date(side.to()))
                : texts.get("lineage.days", formats.date(side.from()), formats.date(side.to()));
        return texts.get(key, amount(formats, side.amount()), side.expression() + where, side.table(), days);
    }

    /** A month written {@code 2026-10}, as the reader writes it: {@code 10/2026}. */
    private static String month(Formats formats, String month) {
        return formats.periodOnAxis(Period.month(YearMonth.parse(month)));
    }

    private static String amount(Formats formats, Double amount) {
        return amount == null ? "–" : formats.number(amount, amount == Math.rint(amount) ? 0 : 1);
    }

    private static String files(List<String> files) {
        String named = files.stream().limit(FILES_NAMED).map(file -> file.substring(file.replace('\\', '/').lastIndexOf('/') + 1))
                .collect(Collectors.joining(", "));
        return files.size() > FILES_NAMED ? named + ", …" : named;
    }
}
