package vn.ioc.ui.map;

import com.vaadin.flow.component.Html;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.units.Unit;
import vn.ioc.ui.base.Formats;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The provinces coloured by a KPI's value, as inline SVG built on the server: each province a link one level down
 * with its name and value as the hover title; where no boundary file is configured, one tile per province in code
 * order (north to south), six to a row.
 */
final class ChoroplethMap {
    private static final int TILE = 64;
    private static final int TILES_PER_ROW = 6;

    private ChoroplethMap() {
    }

    static Html draw(ProvinceBoundaries boundaries, List<Unit> provinces, Map<String, Double> values, Kpi kpi, Formats formats,
                     Function<Unit, String> link) {
        MapColours colours = new MapColours(values, kpi.direction());
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"choropleth\" viewBox=\"0 0 ").append(ProvinceBoundaries.WIDTH).append(' ').append(boundaries.height())
                .append("\" role=\"img\">");
        for (Unit province : provinces) {
            String path = boundaries.paths().get(province.code());
            if (path == null) {
                continue;
            }
            svg.append("<a href=\"").append(escape(link.apply(province))).append("\" data-code=\"").append(province.code()).append("\">")
                    .append("<path d=\"").append(path).append("\" fill=\"").append(colours.colour(values.get(province.code())))
                    .append("\" stroke=\"#555\" stroke-width=\"0.5\"><title>").append(escape(label(province, values, kpi, formats)))
                    .append("</title></path></a>");
        }
        return new Html("<div class=\"map-box\">" + svg.append("</svg>") + legend(colours, kpi, formats) + "</div>");
    }

    static Html tiles(List<Unit> provinces, Map<String, Double> values, Kpi kpi, Formats formats, Function<Unit, String> link) {
        MapColours colours = new MapColours(values, kpi.direction());
        int rows = (provinces.size() + TILES_PER_ROW - 1) / TILES_PER_ROW;
        StringBuilder svg = new StringBuilder("<svg class=\"tile-map\" viewBox=\"0 0 " + TILE * TILES_PER_ROW + " " + TILE * rows + "\" role=\"img\">");
        for (int i = 0; i < provinces.size(); i++) {
            Unit province = provinces.get(i);
            int x = i % TILES_PER_ROW * TILE;
            int y = i / TILES_PER_ROW * TILE;
            svg.append("<a href=\"").append(escape(link.apply(province))).append("\" data-code=\"").append(province.code()).append("\">")
                    .append("<rect x=\"").append(x + 2).append("\" y=\"").append(y + 2).append("\" width=\"").append(TILE - 4).append("\" height=\"")
                    .append(TILE - 4).append("\" rx=\"6\" fill=\"").append(colours.colour(values.get(province.code()))).append("\"><title>")
                    .append(escape(label(province, values, kpi, formats))).append("</title></rect>")
                    .append("<text x=\"").append(x + TILE / 2).append("\" y=\"").append(y + TILE / 2 + 4).append("\" text-anchor=\"middle\">")
                    .append(escape(shortName(formats.name(province)))).append("</text></a>");
        }
        return new Html("<div class=\"map-box\">" + svg.append("</svg>") + legend(colours, kpi, formats) + "</div>");
    }

    private static String legend(MapColours colours, Kpi kpi, Formats formats) {
        StringBuilder legend = new StringBuilder("<ul class=\"legend\">");
        for (MapColours.Band band : colours.bands()) {
            legend.append("<li><span class=\"swatch\" style=\"background:").append(band.colour()).append("\"></span>")
                    .append(escape(formats.value(kpi, band.low()))).append(" – ").append(escape(formats.value(kpi, band.high()))).append("</li>");
        }
        return legend.append("<li><span class=\"swatch\" style=\"background:").append(MapColours.NO_DATA).append("\"></span>—</li></ul>").toString();
    }

    private static String label(Unit province, Map<String, Double> values, Kpi kpi, Formats formats) {
        return formats.name(province) + ": " + formats.value(kpi, values.get(province.code()));
    }

    private static String shortName(String name) {
        return name.length() <= 9 ? name : name.substring(0, 8) + "…";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
