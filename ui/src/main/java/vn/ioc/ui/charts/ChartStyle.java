package vn.ioc.ui.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;

import java.awt.Color;
import java.awt.Font;

/** One look for every chart: the logical sans-serif font (the browser picks one with Vietnamese glyphs), light grid. */
final class ChartStyle {
    static final Color VALUE = new Color(0x1f, 0x6f, 0xb5);
    static final Color TARGET = new Color(0xc0, 0x39, 0x2b);
    static final Color LAST_YEAR = new Color(0x9a, 0x9a, 0x9a);
    private static final StandardChartTheme THEME = theme();

    private ChartStyle() {
    }

    private static StandardChartTheme theme() {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        theme.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        theme.setDomainGridlinePaint(new Color(0xee, 0xee, 0xee));
        return theme;
    }

    static JFreeChart apply(JFreeChart chart) {
        THEME.apply(chart);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
