package vn.ioc.ui.charts;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.util.List;

/** A KPI over time: its values, its target, and the same periods a year earlier. */
public final class TrendChart {
    /** One period of the chart; null values leave gaps. */
    public record Point(String label, Double value, Double target, Double lastYear) {
    }

    private TrendChart() {
    }

    public static JFreeChart of(String valueAxis, String valueName, String targetName, String lastYearName, List<Point> points) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Point point : points) {
            data.addValue(point.value(), valueName, point.label());
            data.addValue(point.target(), targetName, point.label());
            data.addValue(point.lastYear(), lastYearName, point.label());
        }
        JFreeChart chart = ChartStyle.apply(ChartFactory.createLineChart(null, null, valueAxis, data, PlotOrientation.VERTICAL, true, false, false));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, ChartStyle.VALUE);
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        renderer.setSeriesShapesVisible(0, true);
        renderer.setSeriesPaint(1, ChartStyle.TARGET);
        renderer.setSeriesStroke(1, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        renderer.setSeriesPaint(2, ChartStyle.LAST_YEAR);
        renderer.setSeriesStroke(2, new BasicStroke(1.5f));
        return chart;
    }
}
