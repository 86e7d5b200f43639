package vn.ioc.ui.charts;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import java.util.Map;

/** A KPI split by one breakdown (sex, age band, vaccine, channel, ...), one horizontal bar per part. */
public final class BreakdownChart {
    private BreakdownChart() {
    }

    public static JFreeChart of(String valueAxis, Map<String, Double> parts) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        parts.forEach((part, value) -> data.addValue(value, valueAxis, part));
        JFreeChart chart = ChartStyle.apply(ChartFactory.createBarChart(null, null, valueAxis, data, PlotOrientation.HORIZONTAL, false, false, false));
        BarRenderer renderer = (BarRenderer) chart.getCategoryPlot().getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, ChartStyle.VALUE);
        return chart;
    }
}
