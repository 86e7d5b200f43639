package vn.ioc.ui.charts;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import vn.ioc.ui.export.Downloads;

import java.awt.Rectangle;
import java.util.function.Function;

/**
 * A JFreeChart drawn as inline SVG at the size it is shown (so its text keeps the size its frame gives it), its
 * Vietnamese text set by the browser's fonts. A page's chart is drawn twice, for a desktop and for a phone; the
 * style sheet shows the one that fits.
 */
public final class SvgChart {
    private SvgChart() {
    }

    private static String svg(JFreeChart chart, ChartFrame frame, String kind) {
        SVGGraphics2D graphics = new SVGGraphics2D(frame.width(), frame.height());
        chart.draw(graphics, new Rectangle(frame.width(), frame.height()));
        return graphics.getSVGElement(null, true, new ViewBox(0, 0, frame.width(), frame.height()), null, null)
                .replaceFirst("<svg ", "<svg class=\"chart " + kind + "\" ");
    }

    /** One chart in one frame (a wall's). */
    public static Html html(JFreeChart chart, ChartFrame frame) {
        return new Html("<div class=\"chart-box\">" + svg(chart, frame, "chart-only") + "</div>");
    }

    /** A page's chart, drawn for a desktop and for a phone, and a link that downloads the desktop's as a PNG (twice the size, for print). */
    public static Div withPng(Function<ChartFrame, JFreeChart> chart, ChartFrame wide, ChartFrame narrow, String id, String fileName, String label) {
        JFreeChart desktop = chart.apply(wide);
        Html drawn = new Html("<div class=\"chart-box\">" + svg(desktop, wide, "chart-wide") + svg(chart.apply(narrow), narrow, "chart-narrow") + "</div>");
        Anchor png = Downloads.link(id, label, fileName, Downloads.PNG, out -> ChartUtils.writeScaledChartAsPNG(out, desktop, wide.width(), wide.height(), 2, 2));
        png.addClassName("chart-png");
        Div box = new Div(drawn, png);
        box.addClassName("chart-with-png");
        return box;
    }
}
