package vn.ioc.ui.live;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import vn.ioc.analytics.live.LiveFigures;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.export.Texts;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The live figures drawn as tiles and load lists, shared by the Live page and the wall's live slide. */
public final class LiveTiles {
    private LiveTiles() {
    }

    /** Six tiles: applications today and in the last hour, resolved today, backlog, overdue now and by tonight. */
    static Div tiles(LiveFigures figures, Formats formats, Texts text) {
        Div tiles = new Div();
        tiles.addClassName("live-tiles");
        Map<String, Long> values = Map.of("live.today", figures.today(), "live.lasthour", figures.lastHour(), "live.resolved", figures.resolvedToday(),
                "live.backlog", figures.backlog(), "live.overdue", figures.overdueNow(), "live.tonight", figures.overdueTonight());
        for (String key : List.of("live.today", "live.lasthour", "live.resolved", "live.backlog", "live.overdue", "live.tonight")) {
            Span value = new Span(formats.count(values.get(key)));
            value.addClassName("live-value");
            Div tile = new Div(new Span(text.get(key)), value);
            tile.addClassName("live-tile");
            tile.setId(key.replace('.', '-'));
            if (key.equals("live.overdue") || key.equals("live.tonight")) {
                tile.addClassName(values.get(key) > 0 ? "alarm" : "calm");
            }
            tiles.add(tile);
        }
        return tiles;
    }

    /** The wall's live slide: the tiles and the busiest services. */
    public static Div wall(LiveFigures figures, Formats formats, Texts text) {
        Div body = new Div(tiles(figures, formats, text), loads("live-services", text.get("live.services"), figures.topServices(),
                load -> load.name().isBlank() ? load.code() : load.name(), formats, text));
        body.addClassName("live-wall");
        return body;
    }

    /** A ranked load list: name, applications today, of which at a counter. */
    static Component loads(String id, String title, List<LiveFigures.Load> loads, Function<LiveFigures.Load, String> name,
                           Formats formats, Texts text) {
        Div list = new Div();
        list.setId(id);
        list.addClassName("live-loads");
        Div heading = new Div(title);
        heading.addClassName("live-loads-title");
        list.add(heading);
        if (loads.isEmpty()) {
            list.add(new Div(text.get("live.none")));
        }
        for (LiveFigures.Load load : loads) {
            Div row = new Div(new Span(name.apply(load)), new Span(text.get(load.applications() == 1 ? "live.load.one" : "live.load",
                    formats.count(load.applications()), formats.count(load.atCounter()))));
            row.addClassName("live-load");
            list.add(row);
        }
        return list;
    }
}
