package vn.ioc.ui.wall;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.pace.Pace;
import vn.ioc.analytics.catalogue.Status;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.ranking.Alert;
import vn.ioc.analytics.ranking.RankedUnit;
import vn.ioc.analytics.ranking.Ranking;
import vn.ioc.analytics.service.AnalyticsService.BoardQuery;
import vn.ioc.analytics.service.AnalyticsService.RankingQuery;
import vn.ioc.analytics.service.AnalyticsService.SeriesQuery;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.analytics.values.KpiValue;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.base.PaceNote;
import vn.ioc.ui.base.StatusBadge;
import vn.ioc.ui.charts.SvgChart;
import vn.ioc.ui.charts.ChartFrame;
import vn.ioc.ui.charts.TrendChart;
import vn.ioc.ui.data.DashboardData;
import vn.ioc.ui.data.Fresh;
import vn.ioc.ui.export.Texts;
import vn.ioc.ui.live.LiveBoard;
import vn.ioc.ui.live.LiveTiles;
import vn.ioc.ui.map.ChoroplethMap;
import vn.ioc.ui.map.ProvinceMap;

import java.util.ArrayList;
import java.util.Comparator;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Draws a wall's slides for a unit and period in large type; each slide also tells whether its figures are stale. */
final class WallSlides {
    /** A slide drawn, and whether any of its figures is a last answer kept while the warehouse is away. */
    record Drawn(Component content, boolean stale) {
    }

    private static final int BOARD_TILES = 12;
    private static final int RANKED_SHOWN = 10;
    private static final int FALL_POINTS = 5;

    private final DashboardData data;
    private final ProvinceMap map;
    private final LiveBoard live;
    private final Formats formats;
    private final Texts texts;

    WallSlides(DashboardData data, ProvinceMap map, LiveBoard live, Formats formats, Texts texts) {
        this.data = data;
        this.map = map;
        this.live = live;
        this.formats = formats;
        this.texts = texts;
    }

    /** A slide; {@code alerts}: the unit's alert lines, as {@link #alertLines} gives them (for the alerts slide). */
    Drawn draw(Playlist.Slide slide, Unit unit, Period period, List<String> alerts) {
        return switch (slide.kind()) {
            case BOARD -> board(unit, period);
            case RANKING -> ranking(kpi(slide, unit), unit, period);
            case MAP -> map(kpi(slide, unit), unit, period);
            case TREND -> trend(kpi(slide, unit), unit, period);
            case SLIPPING -> slipping(slide.kpi().map(id -> data.catalogue().kpi(id)).orElseGet(() -> paced(unit, period)), unit, period);
            case ALERTS -> alerts(unit, alerts);
            case LIVE -> live(unit);
        };
    }

    /** The slide's indicator, or the first the unit's communes (or the provinces) are measured by. */
    private Kpi kpi(Playlist.Slide slide, Unit unit) {
        return slide.kpi().map(id -> data.catalogue().kpi(id)).orElseGet(() -> data.kpisOf(level(unit) == UnitLevel.COMMUNE ? anyCommune(unit) : unit).getFirst());
    }

    private Unit anyCommune(Unit province) {
        return data.catalogue().communes().values().stream().filter(commune -> commune.provinceCode().equals(province.code())).findFirst().orElse(province);
    }

    /** What a unit's wall ranks: a province's communes, the nation's provinces. */
    private static UnitLevel level(Unit unit) {
        return unit.level() == UnitLevel.NATION ? UnitLevel.PROVINCE : UnitLevel.COMMUNE;
    }

    /** The indicators most in need of attention first (red, amber, then the rest), as big tiles. */
    private Drawn board(Unit unit, Period period) {
        Fresh<Map<String, List<KpiValue>>> board = data.board(new BoardQuery(unit.code(), period.code(), 1));
        Map<String, Kpi> kpis = new HashMap<>();
        data.catalogue().kpis().forEach(kpi -> kpis.put(kpi.id(), kpi));
        List<KpiValue> values = new ArrayList<>(board.value().values().stream().filter(series -> !series.isEmpty()).map(List::getLast).toList());
        values.sort(Comparator.comparingInt((KpiValue value) -> severity(value.status())));
        Div tiles = new Div();
        tiles.addClassName("wall-board");
        for (KpiValue value : values.stream().limit(BOARD_TILES).toList()) {
            Kpi kpi = kpis.get(value.kpi());
            Div tile = new Div(new Span(formats.name(kpi)), big(formats.value(kpi, value.value())), new StatusBadge(value.status()));
            tile.addClassNames("wall-tile", StatusBadge.cssClass(value.status()));
            tiles.add(tile);
        }
        return new Drawn(slide(texts.get("wall.board", formats.name(unit)), tiles), board.stale());
    }

    private static int severity(Status status) {
        return switch (status) {
            case RED -> 0;
            case AMBER -> 1;
            case GREEN -> 2;
            case NONE -> 3;
        };
    }

    private Drawn ranking(Kpi kpi, Unit unit, Period period) {
        Fresh<Ranking> ranking = data.ranking(new RankingQuery(kpi.id(), level(unit), unit.code(), period.code(), Set.of()));
        List<RankedUnit> ranked = ranking.value().units().stream().filter(row -> row.rank() != null).toList();
        Div rows = new Div();
        rows.addClassName("wall-ranking");
        List<RankedUnit> shown = ranked.size() <= 2 * RANKED_SHOWN ? ranked
                : Stream.concat(ranked.stream().limit(RANKED_SHOWN), ranked.stream().skip(ranked.size() - RANKED_SHOWN)).toList();
        for (RankedUnit row : shown) {
            Div line = new Div(new Span(row.rank() + "."), new Span(formats.name(row.value().unit())), new Span(formats.value(kpi, row.value().value())));
            line.addClassNames("wall-rank", StatusBadge.cssClass(row.value().status()));
            rows.add(line);
        }
        return new Drawn(slide(texts.get("wall.ranking", formats.name(kpi), formats.name(unit)), rows), ranking.stale());
    }

    private Drawn map(Kpi kpi, Unit unit, Period period) {
        Fresh<Ranking> ranking = data.ranking(new RankingQuery(kpi.id(), level(unit), unit.code(), period.code(), Set.of()));
        Map<String, Double> values = new HashMap<>();
        ranking.value().units().forEach(row -> values.put(row.value().unit().code(), row.value().value()));
        List<Unit> units = ranking.value().units().stream().map(row -> row.value().unit()).sorted(Comparator.comparing(Unit::code)).toList();
        ChoroplethMap.Shading shading = ChoroplethMap.Shading.of(kpi, values, formats);
        Component drawn = unit.level() == UnitLevel.NATION ? map.draw(units, shading, formats, any -> "")
                : ChoroplethMap.tiles(units, shading, formats, any -> "");
        return new Drawn(slide(texts.get("wall.map", formats.name(kpi), formats.name(unit)), drawn), ranking.stale());
    }

    /** The trend, and for a month the line of its pace towards the target. */
    private Drawn trend(Kpi kpi, Unit unit, Period period) {
        Fresh<List<KpiValue>> series = data.series(new SeriesQuery(kpi.id(), unit.code(), period.code(), TrendChart.length(period) * 2));
        List<TrendChart.Point> points = TrendChart.projected(TrendChart.points(series.value(), period, formats::periodOnAxis),
                Pace.shown(kpi, period, series.value()), formats::periodOnAxis);
        return new Drawn(slide(texts.get("wall.trend", formats.name(kpi), formats.name(unit)), SvgChart.html(TrendChart.of(formats, kpi, TrendChart.Legend.of(texts),
                points, ChartFrame.WALL), ChartFrame.WALL)), series.stale());
    }

    /** The unit's key indicator with a target ahead (the first of the catalogue measured at the ranked level). */
    private Kpi paced(Unit unit, Period period) {
        List<Kpi> measured = data.kpisOf(level(unit) == UnitLevel.COMMUNE ? anyCommune(unit) : unit);
        return measured.stream().filter(kpi -> Pace.targetAhead(kpi, YearMonth.from(period.end()))).findFirst().orElse(measured.getFirst());
    }

    /** The communes of a province (the provinces of the nation) furthest behind their target on an indicator, at their pace. */
    private Drawn slipping(Kpi kpi, Unit unit, Period period) {
        Fresh<List<Pace>> paces = data.paces(new RankingQuery(kpi.id(), level(unit), unit.code(), period.code(), Set.of()));
        List<Pace> behind = paces.value().stream().filter(Pace::slipping).sorted(Pace.SLIPPING).limit(RANKED_SHOWN).toList();
        Div rows = new Div();
        rows.addClassName("wall-ranking");
        for (Pace pace : behind) {
            Div line = new Div(new Span(formats.name(data.catalogue().unit(pace.unit()))), new Span(formats.value(kpi, pace.value())), PaceNote.brief(formats, kpi, pace));
            line.addClassNames("wall-rank", "wall-slipping");
            rows.add(line);
        }
        if (behind.isEmpty()) {
            rows.add(new Div(texts.get("wall.slipping.none")));
        }
        return new Drawn(slide(texts.get("wall.slipping", formats.name(kpi), formats.name(unit)), rows), paces.stale());
    }

    private Drawn alerts(Unit unit, List<String> lines) {
        Div list = new Div();
        list.addClassName("wall-alerts");
        (lines.isEmpty() ? List.of(texts.get("wall.alerts.none")) : lines).forEach(line -> list.add(new Div(line)));
        return new Drawn(slide(texts.get("wall.alerts", formats.name(unit)), list), false);
    }

    /** The portal now (from Druid): the live tiles and the busiest services; the last figures, stale, while Druid is away. */
    private Drawn live(Unit unit) {
        LiveBoard.Reading reading = live.read(unit.level() == UnitLevel.NATION ? Optional.empty() : Optional.of(unit.code()));
        Div body = new Div();
        reading.figures().ifPresentOrElse(figures -> body.add(LiveTiles.wall(figures, formats, texts)), () -> body.add(new Div(texts.get(
                !reading.configured() ? "live.unconfigured" : reading.stale() ? "live.unreachable" : "live.empty"))));
        String asOf = reading.figures().map(figures -> formats.time(figures.asOf())).orElse("—");
        return new Drawn(slide(texts.get("wall.live", formats.name(unit), asOf), body), reading.stale());
    }

    /** The unit's indicators in the red band, then the laggards among its communes (or provinces) on the key indicators. */
    List<String> alertLines(Unit unit, Period period) {
        List<String> lines = new ArrayList<>();
        Map<String, List<KpiValue>> board = data.board(new BoardQuery(unit.code(), period.code(), 1)).value();
        for (Kpi kpi : data.catalogue().kpis()) {
            List<KpiValue> series = board.getOrDefault(kpi.id(), List.of());
            if (!series.isEmpty() && series.getLast().status() == Status.RED) {
                lines.add(texts.get("wall.alert.red", formats.name(unit), formats.name(kpi), formats.value(kpi, series.getLast().value()),
                        formats.value(kpi, series.getLast().target())));
            }
        }
        Map<String, Kpi> first = new LinkedHashMap<>();
        data.catalogue().kpis().stream().filter(kpi -> level(unit) == UnitLevel.PROVINCE || kpi.keptByCommune()).forEach(kpi -> first.putIfAbsent(kpi.domain(), kpi));
        for (Kpi kpi : first.values()) {
            Ranking ranking = data.ranking(new RankingQuery(kpi.id(), level(unit), unit.code(), period.code(), Set.of())).value();
            for (Alert alert : data.laggards(ranking, FALL_POINTS)) {
                lines.add(texts.get(alert.reason() == Alert.Reason.FELL ? "wall.alert.fell" : "wall.alert.laggard", formats.name(alert.value().unit()),
                        formats.name(kpi), formats.value(kpi, alert.value().value()), formats.value(kpi, alert.previousValue())));
            }
        }
        return lines;
    }

    private static Span big(String text) {
        Span big = new Span(text);
        big.addClassName("wall-value");
        return big;
    }

    private static Div slide(String title, Component content) {
        Div slide = new Div(new H2(title), content);
        slide.addClassName("wall-slide-body");
        return slide;
    }
}
