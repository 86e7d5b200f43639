package vn.ioc.ui.map;

import com.vaadin.flow.component.html.Div;
import vn.ioc.analytics.catalogue.Direction;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.units.Unit;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.charts.Markup;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The provinces coloured by a KPI's value, as inline SVG built on the server: each province a link one level down
 * with its name and value as the hover title; where no boundary file is configured, one tile per province in code
 * order (north to south), six to a row.
 */
public final class ChoroplethMap {
    private static final int TILE = 64;
    private static final int FEWEST_TILES_PER_ROW = 6;
    private static final Pattern UNIT_KIND = Pattern.compile("^(Phường|Xã|Đặc khu|Thị trấn|Ward|Commune|Special zone|Township) ");

    /** What colours the map: a value per unit code, which way is better, and how a value reads in the legend and titles. */
    public record Shading(Map<String, Double> values, Direction direction, Function<Double, String> text) {
        public static Shading of(Kpi kpi, Map<String, Double> values, Formats formats) {
            return new Shading(values, kpi.direction(), value -> formats.value(kpi, value));
        }
    }

    private ChoroplethMap() {
    }

    static Div draw(ProvinceBoundaries boundaries, List<Unit> provinces, Shading shading, Formats formats, Function<Unit, String> link) {
        MapColours colours = new MapColours(shading.values(), shading.direction());
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"choropleth\" viewBox=\"0 0 ").append(ProvinceBoundaries.WIDTH).append(' ').append(boundaries.height())
                .append("\" role=\"img\">");
        for (Unit province : provinces) {
            String path = boundaries.paths().get(province.code());
            if (path == null) {
                continue;
            }
            svg.append("<a href=\"").append(escape(link.apply(province))).append("\" data-code=\"").append(province.code()).append("\">")
                    .append("<path d=\"").append(path).append("\" fill=\"").append(colours.colour(shading.values().get(province.code())))
                    .append("\" stroke=\"#555\" stroke-width=\"0.5\"><title>").append(escape(label(province, shading, formats)))
                    .append("</title></path></a>");
        }
        return Markup.of("map-box", svg.append("</svg>") + legend(colours, shading));
    }

    /**
     * One tile per unit in the order given (north to south for codes), in rows of at least six: for units without
     * boundaries (provinces without a boundary file, communes always).
     */
    public static Div tiles(List<Unit> units, Shading shading, Formats formats, Function<Unit, String> link) {
        MapColours colours = new MapColours(shading.values(), shading.direction());
        int perRow = Math.max(FEWEST_TILES_PER_ROW, (int) Math.ceil(Math.sqrt(units.size())));
        int rows = (units.size() + perRow - 1) / perRow;
        StringBuilder svg = new StringBuilder("<svg class=\"tile-map\" viewBox=\"0 0 " + TILE * perRow + " " + TILE * rows + "\" role=\"img\">");
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            int x = i % perRow * TILE;
            int y = i / perRow * TILE;
            svg.append("<a href=\"").append(escape(link.apply(unit))).append("\" data-code=\"").append(unit.code()).append("\">")
                    .append("<rect x=\"").append(x + 2).append("\" y=\"").append(y + 2).append("\" width=\"").append(TILE - 4).append("\" height=\"")
                    .append(TILE - 4).append("\" rx=\"6\" fill=\"").append(colours.colour(shading.values().get(unit.code()))).append("\"><title>")
                    .append(escape(label(unit, shading, formats))).append("</title></rect>")
                    .append("<text x=\"").append(x + TILE / 2).append("\" y=\"").append(y + TILE / 2 + 4).append("\" text-anchor=\"middle\">")
                    .append(escape(shortName(formats.name(unit)))).append("</text></a>");
        }
        return Markup.of("map-box", svg.append("</svg>") + legend(colours, shading));
    }

    private static String legend(MapColours colours, Shading shading) {
        StringBuilder legend = new StringBuilder("<ul class=\"legend\">");
        for (MapColours.Band band : colours.bands()) {
            legend.append("<li><span class=\"swatch\" style=\"background:").append(band.colour()).append("\"></span>")
                    .append(escape(shading.text().apply(band.low()))).append(" – ").append(escape(shading.text().apply(band.high()))).append("</li>");
        }
        return legend.append("<li><span class=\"swatch\" style=\"background:").append(MapColours.NO_DATA).append("\"></span>—</li></ul>").toString();
    }

    private static String label(Unit unit, Shading shading, Formats formats) {
        return formats.name(unit) + ": " + shading.text().apply(shading.values().get(unit.code()));
    }

    private static String shortName(String name) {
        String shorter = UNIT_KIND.matcher(name).replaceFirst("");
        return shorter.length() <= 9 ? shorter : shorter.substring(0, 8) + "…";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
