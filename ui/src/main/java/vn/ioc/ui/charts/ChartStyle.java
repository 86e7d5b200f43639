package vn.ioc.ui.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;

import java.awt.Color;
import java.awt.Font;

/**
 * One look for every chart: the logical sans-serif font (the browser picks one with Vietnamese glyphs), light grid,
 * and no text smaller than its frame's.
 */
final class ChartStyle {
    static final Color VALUE = new Color(0x1f, 0x6f, 0xb5);
    static final Color TARGET = new Color(0xc0, 0x39, 0x2b);
    static final Color LAST_YEAR = new Color(0x8a, 0x8a, 0x8a);

    private ChartStyle() {
    }

    static JFreeChart apply(JFreeChart chart, ChartFrame frame) {
        int text = frame.text();
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, text + 4));
        theme.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, text + 1));
        theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, text));
        theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, text));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        theme.setDomainGridlinePaint(new Color(0xee, 0xee, 0xee));
        theme.apply(chart);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** The font of value labels: the frame's text size, bold. */
    static Font labelFont(ChartFrame frame) {
        return new Font(Font.SANS_SERIF, Font.BOLD, frame.text());
    }
}
