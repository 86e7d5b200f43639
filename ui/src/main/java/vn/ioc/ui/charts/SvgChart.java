package vn.ioc.ui.charts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import vn.ioc.ui.export.Downloads;

import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * A JFreeChart drawn as inline SVG at the size it is shown (so its text keeps the size its frame gives it), its
 * Vietnamese text set by the browser's fonts. A page's chart is drawn twice, for a desktop and for a phone; the
 * style sheet shows the one that fits.
 * <p>
 * Drawing is most of what a chart costs, and every user of a province asks for the same charts: a chart drawn is kept
 * (bounded by its size) under a key that holds everything it is drawn from, so the same key always draws the same.
 */
public final class SvgChart {
    /** Characters of SVG kept in all (about 64 MB). */
    private static final long KEPT_CHARS = 32_000_000;
    private static final Cache<List<Object>, Drawn> DRAWN = Caffeine.newBuilder().executor(Runnable::run).maximumWeight(KEPT_CHARS)
            .<List<Object>, Drawn>weigher((key, drawn) -> drawn.svg().length()).build();

    private SvgChart() {
    }

    /** A chart drawn in a frame: its SVG, and for a category chart the plot's area and each category's middle. */
    private record Drawn(String svg, Rectangle2D area, List<Double> middles) {
        static Drawn of(JFreeChart chart, ChartFrame frame, String kind) {
            ChartRenderingInfo info = new ChartRenderingInfo();
            SVGGraphics2D graphics = new SVGGraphics2D(frame.width(), frame.height());
            chart.draw(graphics, new Rectangle(frame.width(), frame.height()), info);
            String svg = graphics.getSVGElement(null, true, new ViewBox(0, 0, frame.width(), frame.height()), null, null)
                    .replaceFirst("<svg ", "<svg class=\"chart " + kind + "\" ");
            if (!(chart.getPlot() instanceof CategoryPlot plot) || plot.getCategories() == null) {
                return new Drawn(svg, null, List.of());
            }
            Rectangle2D area = info.getPlotInfo().getDataArea();
            int count = plot.getCategories().size();
            List<Double> middles = IntStream.range(0, count)
                    .mapToObj(i -> plot.getDomainAxis().getCategoryMiddle(i, count, area, plot.getDomainAxisEdge())).toList();
            return new Drawn(svg, area, middles);
        }
    }

    /** One chart in one frame (a wall's). */
    public static Div html(JFreeChart chart, ChartFrame frame) {
        return Markup.of("chart-box", Drawn.of(chart, frame, "chart-only").svg());
    }

    /**
     * A page's chart, drawn for a desktop and for a phone, and a link that downloads the desktop's as a PNG (twice the
     * size, for print). {@code key}: everything the chart is drawn from (its data, texts and language), to keep it by.
     */
    public static Div withPng(List<?> key, Function<ChartFrame, JFreeChart> chart, ChartFrame wide, ChartFrame narrow, String id, String fileName, String label) {
        return withPng(key, chart, wide, narrow, id, fileName, label, category -> Optional.empty());
    }

    /**
     * {@link #withPng(List, Function, ChartFrame, ChartFrame, String, String, String)} with, over each category of a
     * category chart that {@code hotspot} gives a component for (by its index), that component laid over the plot's full
     * height and the category's width: a point of the chart that can be clicked, and reached by keyboard.
     */
    public static Div withPng(List<?> key, Function<ChartFrame, JFreeChart> chart, ChartFrame wide, ChartFrame narrow, String id, String fileName, String label,
                              IntFunction<Optional<? extends Component>> hotspot) {
        Div drawn = new Div(layer(key, chart, wide, "chart-wide", hotspot), layer(key, chart, narrow, "chart-narrow", hotspot));
        drawn.addClassName("chart-box");
        Anchor png = Downloads.link(id, label, fileName, Downloads.PNG,
                out -> ChartUtils.writeScaledChartAsPNG(out, chart.apply(wide), wide.width(), wide.height(), 2, 2));
        png.addClassName("chart-png");
        Div box = new Div(drawn, png);
        box.addClassName("chart-with-png");
        return box;
    }

    private static Div layer(List<?> key, Function<ChartFrame, JFreeChart> chart, ChartFrame frame, String kind, IntFunction<Optional<? extends Component>> hotspot) {
        Drawn drawn = DRAWN.get(List.of(key, frame, kind), any -> Drawn.of(chart.apply(frame), frame, kind));
        Div layer = new Div(Markup.of("chart-svg", drawn.svg()));
        layer.addClassNames("chart-layer", kind);
        int count = drawn.middles().size();
        for (int i = 0; i < count; i++) {
            double width = drawn.area().getWidth() / count;
            double middle = drawn.middles().get(i);
            hotspot.apply(i).ifPresent(spot -> {
                spot.getElement().getStyle().set("left", px(middle - width / 2)).set("top", px(drawn.area().getY()))
                        .set("width", px(width)).set("height", px(drawn.area().getHeight()));
                layer.add(spot);
            });
        }
        return layer;
    }

    private static String px(double value) {
        return String.format(Locale.ROOT, "%.1fpx", value);
    }
}
