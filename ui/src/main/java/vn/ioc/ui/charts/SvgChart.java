package vn.ioc.ui.charts;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
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
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A JFreeChart drawn as inline SVG at the size it is shown (so its text keeps the size its frame gives it), its
 * Vietnamese text set by the browser's fonts. A page's chart is drawn twice, for a desktop and for a phone; the
 * style sheet shows the one that fits.
 */
public final class SvgChart {
    private SvgChart() {
    }

    private static String svg(JFreeChart chart, ChartFrame frame, String kind, ChartRenderingInfo info) {
        SVGGraphics2D graphics = new SVGGraphics2D(frame.width(), frame.height());
        chart.draw(graphics, new Rectangle(frame.width(), frame.height()), info);
        return graphics.getSVGElement(null, true, new ViewBox(0, 0, frame.width(), frame.height()), null, null)
                .replaceFirst("<svg ", "<svg class=\"chart " + kind + "\" ");
    }

    /** One chart in one frame (a wall's). */
    public static Html html(JFreeChart chart, ChartFrame frame) {
        return new Html("<div class=\"chart-box\">" + svg(chart, frame, "chart-only", null) + "</div>");
    }

    /** A page's chart, drawn for a desktop and for a phone, and a link that downloads the desktop's as a PNG (twice the size, for print). */
    public static Div withPng(Function<ChartFrame, JFreeChart> chart, ChartFrame wide, ChartFrame narrow, String id, String fileName, String label) {
        return withPng(chart, wide, narrow, id, fileName, label, category -> Optional.empty());
    }

    /**
     * {@link #withPng(Function, ChartFrame, ChartFrame, String, String, String)} with, over each category of a category
     * chart that {@code hotspot} gives a component for (by its index), that component laid over the plot's full height
     * and the category's width: a point of the chart that can be clicked, and reached by keyboard.
     */
    public static Div withPng(Function<ChartFrame, JFreeChart> chart, ChartFrame wide, ChartFrame narrow, String id, String fileName, String label,
                              IntFunction<Optional<? extends Component>> hotspot) {
        JFreeChart desktop = chart.apply(wide);
        Div drawn = new Div(layer(desktop, wide, "chart-wide", hotspot), layer(chart.apply(narrow), narrow, "chart-narrow", hotspot));
        drawn.addClassName("chart-box");
        Anchor png = Downloads.link(id, label, fileName, Downloads.PNG, out -> ChartUtils.writeScaledChartAsPNG(out, desktop, wide.width(), wide.height(), 2, 2));
        png.addClassName("chart-png");
        Div box = new Div(drawn, png);
        box.addClassName("chart-with-png");
        return box;
    }

    private static Div layer(JFreeChart chart, ChartFrame frame, String kind, IntFunction<Optional<? extends Component>> hotspot) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        Div layer = new Div(new Html("<div>" + svg(chart, frame, kind, info) + "</div>"));
        layer.addClassNames("chart-layer", kind);
        if (chart.getPlot() instanceof CategoryPlot plot && plot.getCategories() != null) {
            Rectangle2D area = info.getPlotInfo().getDataArea();
            int count = plot.getCategories().size();
            double width = area.getWidth() / count;
            for (int i = 0; i < count; i++) {
                double middle = plot.getDomainAxis().getCategoryMiddle(i, count, area, plot.getDomainAxisEdge());
                hotspot.apply(i).ifPresent(spot -> {
                    spot.getElement().getStyle().set("left", px(middle - width / 2)).set("top", px(area.getY()))
                            .set("width", px(width)).set("height", px(area.getHeight()));
                    layer.add(spot);
                });
            }
        }
        return layer;
    }

    private static String px(double value) {
        return String.format(Locale.ROOT, "%.1fpx", value);
    }
}
