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

/** A JFreeChart drawn as inline SVG: crisp at any size, its Vietnamese text set by the browser's fonts. */
public final class SvgChart {
    private SvgChart() {
    }

    public static String svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D graphics = new SVGGraphics2D(width, height);
        chart.draw(graphics, new Rectangle(width, height));
        return graphics.getSVGElement(null, false, new ViewBox(0, 0, width, height), null, null).replaceFirst("<svg ", "<svg class=\"chart\" ");
    }

    public static Html html(JFreeChart chart, int width, int height) {
        return new Html("<div class=\"chart-box\">" + svg(chart, width, height) + "</div>");
    }

    /** The chart, and a link that downloads it as a PNG image (drawn at twice the size, for print). */
    public static Div withPng(JFreeChart chart, int width, int height, String id, String fileName, String label) {
        Anchor png = Downloads.link(id, label, fileName, Downloads.PNG, out -> ChartUtils.writeScaledChartAsPNG(out, chart, width, height, 2, 2));
        png.addClassName("chart-png");
        Div box = new Div(html(chart, width, height), png);
        box.addClassName("chart-with-png");
        return box;
    }
}
