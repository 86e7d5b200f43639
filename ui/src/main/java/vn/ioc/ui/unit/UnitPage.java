package vn.ioc.ui.unit;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.pace.Pace;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.ranking.Alert;
import vn.ioc.analytics.ranking.RankedUnit;
import vn.ioc.analytics.ranking.Ranking;
import vn.ioc.analytics.service.AnalyticsService.BoardQuery;
import vn.ioc.analytics.service.AnalyticsService.BreakdownQuery;
import vn.ioc.analytics.service.AnalyticsService.RankingQuery;
import vn.ioc.analytics.service.AnalyticsService.SeriesQuery;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.analytics.values.Breakdown;
import vn.ioc.analytics.values.BreakdownCell;
import vn.ioc.analytics.values.KpiValue;
import vn.ioc.ui.lineage.LineageButton;
import vn.ioc.ui.lineage.LineageFigure;
import vn.ioc.ui.base.SimulatedDataLabel;
import vn.ioc.ui.base.DataStamp;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.base.GridCells;
import vn.ioc.ui.base.KpiFigure;
import vn.ioc.ui.base.PaceNote;
import vn.ioc.ui.base.Pickers;
import vn.ioc.ui.base.PhoneColumns;
import vn.ioc.ui.base.StatusBadge;
import vn.ioc.ui.base.UnitLinks;
import vn.ioc.ui.base.ViewParams;
import vn.ioc.ui.charts.BreakdownChart;
import vn.ioc.ui.charts.ChartFrame;
import vn.ioc.ui.charts.SvgChart;
import vn.ioc.ui.briefing.BriefingAssembler;
import vn.ioc.ui.briefing.BriefingPdf;
import vn.ioc.ui.charts.TrendChart;
import vn.ioc.ui.export.Downloads;
import vn.ioc.ui.export.Table;
import vn.ioc.ui.data.Catalogue;
import vn.ioc.ui.data.DashboardData;
import vn.ioc.ui.data.Fresh;
import vn.ioc.ui.ranking.RankingGrid;
import vn.ioc.ui.ranking.RankingRow;
import vn.ioc.ui.ranking.RankingTable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A province's or a commune's page for one KPI and period: the value with its target and rank, the trend with the
 * target and the year before, breakdowns, every KPI of the unit, and (for a province) its communes ranked.
 */
final class UnitPage extends VerticalLayout {
    private static final int BREAKDOWNS_SHOWN = 2;
    /** A commune whose value fell by this much since the previous period is listed with the laggards, whatever its band. */
    private static final double FALL_POINTS = 5;
    /** The worst laggards listed by name (the heading counts them all). */
    private static final int LAGGARDS_SHOWN = 10;

    UnitPage(DashboardData data, Formats formats, Unit unit, Kpi kpi, Period period, ViewParams params, String path) {
        addClassName("unit-page");
        setPadding(false);
        Catalogue catalogue = data.catalogue();
        List<Fresh<?>> answers = new ArrayList<>();

        Div trail = new Div();
        trail.addClassName("breadcrumb");
        List<Unit> chain = new ArrayList<>();
        for (Unit up = unit; up.level() != UnitLevel.NATION; up = catalogue.parent(up)) {
            chain.addFirst(up);
        }
        chain.addFirst(Unit.NATION);
        for (Unit step : chain) {
            trail.add(step.equals(unit) ? new Span(formats.name(step)) : new Anchor(UnitLinks.page(step, kpi.id(), period.code()), formats.name(step)), new Span(" › "));
        }
        trail.remove(trail.getComponentAt(trail.getComponentCount() - 1));

        FlexLayout toolbar = new FlexLayout(
                Pickers.kpi(formats, getTranslation("picker.indicator"), data.kpisOf(unit), kpi, chosen -> params.with("kpi", chosen.id()).go(path)),
                Pickers.period(formats, getTranslation("picker.period"), data.latestMonth(), period, chosen -> params.with("period", chosen.code()).go(path)));
        toolbar.addClassName("toolbar");
        boolean detail = data.seesDetailOf(unit);
        if (unit.level() == UnitLevel.PROVINCE && detail) {
            toolbar.add(Downloads.link("briefing", getTranslation("briefing.download"), "briefing-" + unit.code() + "-" + period.code() + ".pdf",
                    Downloads.PDF, out -> new BriefingPdf(formats, this::getTranslation).write(new BriefingAssembler(data).assemble(unit, period), Instant.now(), out)));
            toolbar.setAlignItems(Alignment.END);
        }

        // Every figure of the page is asked at once; the page is laid out as the answers come.
        List<String> dimensions = kpi.breakdowns().stream().limit(BREAKDOWNS_SHOWN).toList();
        boolean withCommunes = unit.level() == UnitLevel.PROVINCE && kpi.keptByCommune() && detail;
        CompletableFuture<Fresh<List<KpiValue>>> askedSeries = data.ask(() -> data.series(new SeriesQuery(kpi.id(), unit.code(), period.code(), TrendChart.length(period) * 2)));
        CompletableFuture<Fresh<Ranking>> askedPeers = data.ask(() -> data.ranking(new RankingQuery(kpi.id(), unit.level(),
                unit.level() == UnitLevel.PROVINCE ? Unit.NATION.code() : unit.provinceCode(), period.code(), Set.of())));
        List<CompletableFuture<Fresh<Breakdown>>> askedBreakdowns = dimensions.stream()
                .map(dimension -> data.ask(() -> data.breakdown(new BreakdownQuery(kpi.id(), unit.code(), period.code(), dimension)))).toList();
        CompletableFuture<Fresh<Map<String, List<KpiValue>>>> askedBoard = data.ask(() -> data.board(new BoardQuery(unit.code(), period.code(), 2)));
        CompletableFuture<Fresh<Ranking>> askedCommunes = withCommunes
                ? data.ask(() -> data.ranking(new RankingQuery(kpi.id(), UnitLevel.COMMUNE, unit.code(), period.code(), Set.of()))) : null;

        Fresh<List<KpiValue>> series = DashboardData.answer(askedSeries);
        answers.add(series);
        KpiValue current = series.value().getLast();
        Fresh<Ranking> peers = DashboardData.answer(askedPeers);
        answers.add(peers);
        RankedUnit own = peers.value().units().stream().filter(ranked -> ranked.value().unit().code().equals(unit.code())).findFirst().orElseThrow();

        Div headline = new Div();
        headline.addClassNames("headline", StatusBadge.cssClass(current.status()));
        KpiFigure value = new KpiFigure(formats, kpi, current);
        Span rank = new Span(own.rank() == null ? "" : getTranslation(unit.level() == UnitLevel.PROVINCE ? "unit.rank.provinces" : "unit.rank.communes",
                own.rank(), peers.value().units().size(), formats.name(catalogue.parent(unit))));
        rank.addClassName("unit-rank");
        Optional<Pace> pace = Pace.shown(kpi, period, series.value());
        headline.add(value);
        if (current.value() != null) {
            LineageButton.of(data, formats, kpi, unit, period).ifPresent(headline::add);
        }
        headline.add(new StatusBadge(current.status()),
                new Span(current.target() == null ? getTranslation("card.notarget") : getTranslation("card.target", formats.value(kpi, current.target()))));
        pace.ifPresent(known -> headline.add(new PaceNote(formats, kpi, known)));
        headline.add(rank, new Paragraph(formats.text(kpi.definition())));
        if (current.fromSplitCommune()) {
            headline.add(new Paragraph(getTranslation("unit.split")));
        }

        add(trail, new H2(formats.name(unit) + " · " + formats.name(kpi)), toolbar, headline, trend(data, formats, unit, kpi, series.value(), pace, period));

        List<Component> breakdowns = new ArrayList<>();
        for (int i = 0; i < dimensions.size(); i++) {
            String dimension = dimensions.get(i);
            Fresh<Breakdown> breakdown = DashboardData.answer(askedBreakdowns.get(i));
            answers.add(breakdown);
            Map<String, Double> parts = new LinkedHashMap<>();
            long suppressed = 0;
            for (BreakdownCell cell : breakdown.value().cells()) {
                if (cell.suppressed()) {
                    suppressed++;
                } else if (cell.value() != null) {
                    parts.put(formats.part(cell.part()), cell.value());
                }
            }
            Div box = new Div(new H3(getTranslation("breakdown." + dimension)));
            if (!parts.isEmpty()) {
                List<?> drawnFrom = List.of("breakdown", formats.locale(), kpi.id(), parts.entrySet().stream().map(part -> Map.entry(part.getKey(), part.getValue())).toList());
                box.add(SvgChart.withPng(drawnFrom, frame -> BreakdownChart.of(formats, kpi, parts, frame), BreakdownChart.frame(ChartFrame.BREAKDOWN, parts.size()),
                        BreakdownChart.frame(ChartFrame.PHONE, parts.size()), "png-" + dimension,
                        kpi.id() + "-" + unit.code() + "-" + period.code() + "-" + dimension + ".png", getTranslation("export.png")));
            }
            if (suppressed > 0) {
                box.add(new Paragraph(getTranslation("breakdown.suppressed", suppressed)));
            }
            box.addClassName("breakdown");
            if (!parts.isEmpty() || suppressed > 0) {
                breakdowns.add(box);
            }
        }
        if (!breakdowns.isEmpty()) {
            FlexLayout charts = new FlexLayout();
            charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            charts.addClassName("breakdowns");
            breakdowns.forEach(box -> charts.add(box));
            add(charts);
        }

        Fresh<Map<String, List<KpiValue>>> board = DashboardData.answer(askedBoard);
        answers.add(board);
        FlexLayout boardDownloads = new FlexLayout();
        boardDownloads.addClassName("toolbar");
        Downloads.table(this::getTranslation, SimulatedDataLabel.text(this::getTranslation, formats, data), "indicators", "indicators-" + unit.code() + "-" + period.code(), () -> boardTable(data, unit, board.value(), period))
                .forEach(boardDownloads::add);
        add(new H3(getTranslation("unit.all")), boardDownloads, allKpis(data, formats, unit, board.value(), period, params, path));

        if (withCommunes) {
            Fresh<Ranking> communes = DashboardData.answer(askedCommunes);
            answers.add(communes);
            List<RankingRow> rows = communes.value().units().stream().map(ranked -> RankingRow.of(ranked, null)).toList();
            FlexLayout downloads = new FlexLayout();
            downloads.addClassName("toolbar");
            Downloads.table(this::getTranslation, SimulatedDataLabel.text(this::getTranslation, formats, data), "communes", "ranking-" + kpi.id() + "-communes-" + unit.code() + "-" + period.code(),
                    () -> RankingTable.export(rows, kpi.id(), period.code())).forEach(downloads::add);
            add(new H3(getTranslation("unit.communes")), downloads, new RankingGrid(formats, kpi, rows, row -> UnitLinks.page(row.unit(), kpi.id(), period.code()),
                    row -> row.value() == null ? Optional.empty() : LineageFigure.of(data, formats, kpi, row.unit(), period, formats.name(row.unit()))));
            add(laggards(formats, kpi, period, data.laggards(communes.value(), FALL_POINTS)));
        } else if (unit.level() == UnitLevel.PROVINCE && !detail) {
            Paragraph scopeNote = new Paragraph(getTranslation("unit.communes.others", formats.name(unit),
                    formats.name(catalogue.unit(data.user().home()))));
            scopeNote.addClassName("scope-note");
            add(scopeNote);
        }
        addComponentAtIndex(2, new DataStamp(formats, answers));
    }

    private Component trend(DashboardData data, Formats formats, Unit unit, Kpi kpi, List<KpiValue> series, Optional<Pace> pace, Period period) {
        TrendChart.Legend legend = TrendChart.Legend.of(this::getTranslation);
        List<TrendChart.Point> points = TrendChart.projected(TrendChart.points(series, period, formats::periodOnAxis), pace, formats::periodOnAxis);
        // The chart's first points are the series' last values, in order; the months projected after them have none.
        List<KpiValue> shown = series.subList(Math.max(0, series.size() - TrendChart.length(period)), series.size());
        return SvgChart.withPng(List.of("trend", formats.locale(), kpi.id(), legend, points), frame -> TrendChart.of(formats, kpi, legend, points, frame), ChartFrame.TREND, ChartFrame.PHONE, "png-trend",
                kpi.id() + "-" + unit.code() + "-" + period.code() + ".png", getTranslation("export.png"),
                index -> index >= shown.size() || shown.get(index).value() == null ? Optional.empty()
                        : LineageButton.of(data, formats, kpi, unit, shown.get(index).period(), formats.period(shown.get(index).period())).map(LineageButton::asPoint));
    }

    private Div laggards(Formats formats, Kpi kpi, Period period, List<Alert> alerts) {
        Div list = new Div(new H3(getTranslation("unit.laggards", alerts.size())));
        list.addClassName("laggards");
        for (Alert alert : alerts.reversed().stream().limit(LAGGARDS_SHOWN).toList()) {
            Unit commune = alert.value().unit();
            Double fall = alert.previousValue() == null || alert.value().value() == null ? null : alert.value().value() - alert.previousValue();
            list.add(new Paragraph(new Anchor(UnitLinks.page(commune, kpi.id(), period.code()), formats.name(commune)),
                    new Span(": " + formats.value(kpi, alert.value().value()) + " · " + getTranslation("laggard." + alert.reason().name(), formats.change(fall)))));
        }
        return list;
    }

    /** Every indicator of the unit, to download. */
    private static Table boardTable(DashboardData data, Unit unit, Map<String, List<KpiValue>> board, Period period) {
        List<List<Object>> rows = data.kpisOf(unit).stream().filter(kpi -> board.containsKey(kpi.id())).map(kpi -> {
            KpiValue now = board.get(kpi.id()).getLast();
            return Arrays.<Object>asList(unit.code(), unit.name(), period.code(), kpi.id(), kpi.name().vi(), now.value(), now.target(), now.status(),
                    board.get(kpi.id()).getFirst().value());
        }).toList();
        return new Table(unit.code(), List.of("unit_code", "unit_name", "period", "indicator", "indicator_name", "value", "target", "status",
                "previous_value"), rows);
    }

    private Grid<Kpi> allKpis(DashboardData data, Formats formats, Unit unit, Map<String, List<KpiValue>> board, Period period, ViewParams params, String path) {
        Grid<Kpi> grid = new Grid<>();
        grid.addClassName("unit-kpis");
        grid.setItems(data.kpisOf(unit).stream().filter(kpi -> board.containsKey(kpi.id())).toList());
        grid.addColumn(GridCells.link(kpi -> params.with("kpi", kpi.id()).link(path), formats::name)).setHeader(getTranslation("col.indicator")).setFlexGrow(1);
        grid.addColumn(kpi -> formats.value(kpi, board.get(kpi.id()).getLast().value())).setHeader(getTranslation("col.value")).setAutoWidth(true);
        Grid.Column<Kpi> target = grid.addColumn(kpi -> board.get(kpi.id()).getLast().target() == null ? "—" : formats.value(kpi, board.get(kpi.id()).getLast().target()))
                .setHeader(getTranslation("col.target")).setAutoWidth(true);
        grid.addColumn(GridCells.status(this::getTranslation, kpi -> board.get(kpi.id()).getLast().status())).setHeader(getTranslation("col.status")).setAutoWidth(true);
        Grid.Column<Kpi> change = grid.addColumn(kpi -> {
            List<KpiValue> values = board.get(kpi.id());
            Double now = values.getLast().value();
            Double before = values.getFirst().value();
            return formats.change(now == null || before == null ? null : now - before);
        }).setHeader(getTranslation("col.change")).setAutoWidth(true);
        PhoneColumns.fit(grid, target, change);
        grid.setAllRowsVisible(true);
        return grid;
    }
}
