package vn.ioc.ui.briefing;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.catalogue.Status;
import vn.ioc.analytics.index.IndexDefinition;
import vn.ioc.analytics.index.IndexScore;
import vn.ioc.analytics.pace.Pace;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.ranking.Alert;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.base.PaceNote;
import vn.ioc.ui.charts.ChartFrame;
import vn.ioc.ui.charts.TrendChart;
import vn.ioc.ui.lineage.LineageText;
import vn.ioc.ui.export.PdfReport;
import vn.ioc.ui.export.PdfReport.Cell;
import vn.ioc.ui.export.Texts;

import java.awt.Color;
import java.awt.Font;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A province's briefing as a PDF in the reader's language: a cover, every indicator with its status colour, target and
 * national rank, the key indicators' trends (JFreeChart, drawn as vector graphics), the communes ranked by the
 * composite index, and the alerts.
 */
public final class BriefingPdf {
    /** Communes listed at each end of the index ranking. */
    static final int COMMUNES_AT_EACH_END = 10;
    private static final Map<Status, Color> STATUS = Map.of(Status.GREEN, new Color(0xC8, 0xE6, 0xC9), Status.AMBER, new Color(0xFF, 0xEC, 0xB3),
            Status.RED, new Color(0xF8, 0xC9, 0xC4));

    private final Formats formats;
    private final Texts texts;

    public BriefingPdf(Formats formats, Texts texts) {
        this.formats = formats;
        this.texts = texts;
    }

    public void write(Briefing briefing, Instant made, OutputStream out) {
        String province = formats.name(briefing.province());
        try (PdfReport report = PdfReport.start(out, texts.get("briefing.title", province), formats.period(briefing.period()))) {
            cover(report, briefing, made);
            indicators(report, briefing);
            report.newPage();
            report.heading(texts.get("briefing.trends"));
            report.charts(briefing.trends().stream().map(trend -> chart(trend, briefing.period())).toList(), 2, ChartFrame.PRINT.width(), ChartFrame.PRINT.height());
            footnote(report, briefing, briefing.trends().stream().map(trend -> trend.kpi().id()));
            communes(report, briefing);
            alerts(report, briefing);
        }
    }

    private void cover(PdfReport report, Briefing briefing, Instant made) {
        Map<Status, Long> statuses = briefing.lines().stream().collect(Collectors.groupingBy(line -> line.value().status(), Collectors.counting()));
        report.banner(texts.get("briefing.cover", formats.period(briefing.period())), 22);
        report.line(texts.get("briefing.status.count", statuses.getOrDefault(Status.GREEN, 0L), statuses.getOrDefault(Status.AMBER, 0L),
                statuses.getOrDefault(Status.RED, 0L), briefing.lines().size()));
        report.line(texts.get(briefing.stale() ? "stamp.stale" : "stamp.fresh", formats.time(briefing.asOf())));
        report.line(texts.get("briefing.made", formats.time(made)));
        briefing.simulatedSample().ifPresent(fraction -> report.notice(texts.get("simulated.explained", formats.share(fraction))));
    }

    private void indicators(PdfReport report, Briefing briefing) {
        report.heading(texts.get("briefing.indicators"));
        List<List<Cell>> rows = new ArrayList<>();
        for (Briefing.Line line : briefing.lines()) {
            Double change = line.change();
            rows.add(List.of(Cell.of(formats.name(line.kpi())), Cell.of(formats.value(line.kpi(), line.value().value())),
                    Cell.of(formats.value(line.kpi(), line.value().target())),
                    new Cell(texts.get("status." + line.value().status().name()), STATUS.get(line.value().status())),
                    Cell.of(change == null ? "—" : formats.change(change)),
                    Cell.of(line.nationalRank() == null ? "—" : line.nationalRank() + "/" + line.provincesRanked()),
                    Cell.of(line.rankChange() == null ? "—" : line.rankChange() > 0 ? "↑" + line.rankChange() : line.rankChange() < 0 ? "↓" + -line.rankChange() : "="),
                    Cell.of(line.pace().map(pace -> PaceNote.briefly(texts, formats, pace)).orElse("—"))));
        }
        report.table(List.of(texts.get("briefing.indicator"), texts.get("briefing.value"), texts.get("briefing.target"), texts.get("briefing.status"),
                texts.get("briefing.change"), texts.get("briefing.rank"), texts.get("briefing.rank.change"), texts.get("briefing.pace")), rows,
                new float[] {7, 2, 2, 2, 1.5f, 1.5f, 1.5f, 3}, new boolean[] {false, true, true, false, true, true, true, false});
        footnote(report, briefing, briefing.lines().stream().map(line -> line.kpi().id()));
    }

    /** Where a table's figures come from, under it. */
    private void footnote(PdfReport report, Briefing briefing, Stream<String> kpis) {
        String footnote = LineageText.footnote(texts, formats, briefing.sourcesOf(kpis));
        if (!footnote.isEmpty()) {
            report.footnote(footnote);
        }
    }

    private JFreeChart chart(Briefing.Trend trend, Period period) {
        List<TrendChart.Point> points = TrendChart.projected(TrendChart.points(trend.series(), period, formats::periodOnAxis),
                Pace.shown(trend.kpi(), period, trend.series()), formats::periodOnAxis);
        JFreeChart chart = TrendChart.of(formats, trend.kpi(), TrendChart.Legend.of(texts), points, ChartFrame.PRINT);
        chart.setTitle(new TextTitle(formats.name(trend.kpi()), new Font(Font.SANS_SERIF, Font.BOLD, 11)));
        return chart;
    }

    private void communes(PdfReport report, Briefing briefing) {
        if (briefing.index().isEmpty() || briefing.communes().isEmpty()) {
            return;
        }
        List<IndexScore> scores = briefing.communes();
        List<IndexScore> shown = scores.size() <= 2 * COMMUNES_AT_EACH_END ? scores
                : Stream.concat(scores.stream().limit(COMMUNES_AT_EACH_END), scores.stream().skip(scores.size() - COMMUNES_AT_EACH_END)).toList();
        report.heading(texts.get("briefing.communes", formats.text(briefing.index().get().name()), scores.size()));
        report.table(List.of("#", texts.get("briefing.commune"), texts.get("briefing.score")),
                shown.stream().map(score -> List.of(Cell.of(score.rank()), Cell.of(formats.name(score.unit())), Cell.of(formats.number(score.score(), 1)))).toList(),
                new float[] {1, 6, 2}, new boolean[] {true, false, true});
        footnote(report, briefing, briefing.index().get().groups().stream().flatMap(group -> group.components().stream())
                .map(IndexDefinition.Component::kpi));
    }

    private void alerts(PdfReport report, Briefing briefing) {
        report.heading(texts.get("briefing.alerts"));
        List<Briefing.Line> offTarget = BriefingAssembler.offTarget(briefing).toList();
        report.line(offTarget.isEmpty() ? texts.get("briefing.alerts.none")
                : texts.get("briefing.offtarget", offTarget.stream().map(line -> formats.name(line.kpi())).collect(Collectors.joining("; "))));
        if (briefing.alerts().isEmpty()) {
            return;
        }
        Map<String, Kpi> kpis = briefing.trends().stream().collect(Collectors.toMap(trend -> trend.kpi().id(), Briefing.Trend::kpi));
        List<List<Cell>> rows = new ArrayList<>();
        for (Alert alert : briefing.alerts()) {
            Kpi kpi = kpis.get(alert.value().kpi());
            rows.add(List.of(Cell.of(formats.name(alert.value().unit())), Cell.of(formats.name(kpi)),
                    new Cell(formats.value(kpi, alert.value().value()), STATUS.get(alert.value().status())),
                    Cell.of(alert.reason() == Alert.Reason.FELL ? texts.get("briefing.fell", formats.value(kpi, alert.previousValue())) : texts.get("briefing.red"))));
        }
        report.table(List.of(texts.get("briefing.commune"), texts.get("briefing.indicator"), texts.get("briefing.value"), texts.get("briefing.reason")),
                rows, new float[] {4, 6, 2, 4}, new boolean[] {false, false, true, false});
        footnote(report, briefing, briefing.alerts().stream().map(alert -> alert.value().kpi()));
    }
}
