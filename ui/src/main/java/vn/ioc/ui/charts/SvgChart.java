package vn.ioc.ui.charts;

import com.vaadin.flow.component.Html;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

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
}
