package vn.ioc.ui.charts;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.values.KpiValue;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A KPI over time: its values, its target, and the same periods a year earlier. */
public final class TrendChart {
    /** One period of the chart; null values leave gaps. */
    public record Point(String label, Double value, Double target, Double lastYear) {
    }

    private TrendChart() {
    }

    /** How many periods a trend shows: a year of months, six quarters, three years. */
    public static int length(Period period) {
        return switch (period.kind()) {
            case MONTH -> 12;
            case QUARTER -> 6;
            default -> 3;
        };
    }

    /**
     * The points of a trend ending in {@code period}: the last {@link #length} values of a series twice as long, each
     * with the value of a year earlier.
     */
    public static List<Point> points(List<KpiValue> series, Period period, Function<Period, String> label) {
        int yearBack = switch (period.kind()) {
            case MONTH -> 12;
            case QUARTER -> 4;
            default -> 1;
        };
        List<Point> points = new ArrayList<>();
        for (int i = Math.max(0, series.size() - length(period)); i < series.size(); i++) {
            KpiValue point = series.get(i);
            KpiValue before = i - yearBack >= 0 ? series.get(i - yearBack) : null;
            points.add(new Point(label.apply(point.period()), point.value(), point.target(), before == null ? null : before.value()));
        }
        return points;
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
