package vn.ioc.ui.charts;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.values.KpiValue;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.export.Texts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/** A KPI over time: its values, its target, and the same periods a year earlier. */
public final class TrendChart {
    /** Values spread over less than this share of their largest are drawn on an axis not starting at zero. */
    private static final double ZERO_BASELINE_SPREAD = 0.1;
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

    /** The chart's words: its series' names, and the note said when the value axis does not start at zero. */
    public record Legend(String value, String target, String lastYear, String zoomed) {
        /** The legend in the language of {@code texts}. */
        public static Legend of(Texts texts) {
            return new Legend(texts.get("trend.value"), texts.get("trend.target"), texts.get("trend.lastyear"), texts.get("trend.zoomed"));
        }
    }

    /**
     * The trend drawn for its frame: the value axis in the language's number format, starting at zero unless the values
     * lie so close together that a zero baseline would flatten them (then the chart says so); the last value and the
     * target labelled.
     */
    public static JFreeChart of(Formats formats, Kpi kpi, Legend legend, List<Point> points, ChartFrame frame) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Point point : points) {
            data.addValue(point.value(), legend.value(), point.label());
            data.addValue(point.target(), legend.target(), point.label());
            data.addValue(point.lastYear(), legend.lastYear(), point.label());
        }
        JFreeChart chart = ChartStyle.apply(ChartFactory.createLineChart(null, null, formats.unit(kpi), data, PlotOrientation.VERTICAL, true, false, false), frame);
        CategoryPlot plot = chart.getCategoryPlot();
        boolean crowded = frame.width() / Math.max(1, points.size()) < frame.text() * 6;
        plot.getDomainAxis().setCategoryLabelPositions(crowded ? CategoryLabelPositions.UP_45 : CategoryLabelPositions.STANDARD);
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        axis.setNumberFormatOverride(NumberFormat.getNumberInstance(formats.locale()));
        axis.setUpperMargin(0.15);
        axis.setLowerMargin(0.15);
        DoubleSummaryStatistics shown = points.stream().flatMap(point -> Stream.of(point.value(), point.target(), point.lastYear()))
                .filter(value -> value != null && !value.isNaN()).mapToDouble(Double::doubleValue).summaryStatistics();
        // Without a value (only a target) there is nothing whose differences a zoomed axis would show.
        boolean fromZero = points.stream().noneMatch(point -> point.value() != null) || shown.getMin() < 0
                || shown.getMax() - shown.getMin() >= ZERO_BASELINE_SPREAD * shown.getMax();
        axis.setAutoRangeIncludesZero(fromZero);
        if (!fromZero) {
            axis.setAutoRangeMinimumSize(Math.max(Math.abs(shown.getMax()) * 0.02, 0.5));
            chart.addSubtitle(new TextTitle(legend.zoomed(), new Font(Font.SANS_SERIF, Font.ITALIC, frame.text()), Color.DARK_GRAY,
                    RectangleEdge.TOP, HorizontalAlignment.RIGHT, VerticalAlignment.CENTER, RectangleInsets.ZERO_INSETS));
        }
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        float line = frame.text() / 13f;
        renderer.setSeriesPaint(0, ChartStyle.VALUE);
        renderer.setSeriesStroke(0, new BasicStroke(2.5f * line));
        renderer.setSeriesShapesVisible(0, true);
        renderer.setSeriesPaint(1, ChartStyle.TARGET);
        renderer.setSeriesStroke(1, new BasicStroke(1.5f * line, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f * line, 4f * line}, 0f));
        renderer.setSeriesPaint(2, ChartStyle.LAST_YEAR);
        renderer.setSeriesStroke(2, new BasicStroke(1.5f * line));
        renderer.setDefaultItemLabelGenerator(new LastLabelled(formats, kpi));
        renderer.setDefaultItemLabelFont(ChartStyle.labelFont(frame));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setSeriesItemLabelsVisible(2, false);
        renderer.setSeriesItemLabelPaint(0, ChartStyle.VALUE);
        renderer.setSeriesItemLabelPaint(1, ChartStyle.TARGET);
        // The value's label and the target's sit on their far sides, so that they never overlap.
        boolean belowTarget = points.stream().filter(point -> point.value() != null && point.target() != null).reduce((first, second) -> second)
                .map(point -> point.value() < point.target()).orElse(false);
        ItemLabelPosition above = new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER);
        ItemLabelPosition below = new ItemLabelPosition(ItemLabelAnchor.OUTSIDE6, TextAnchor.TOP_CENTER);
        for (int series = 0; series < 2; series++) {
            ItemLabelPosition position = (series == 0) == belowTarget ? below : above;
            renderer.setSeriesPositiveItemLabelPosition(series, position);
            renderer.setSeriesNegativeItemLabelPosition(series, position);
        }
        return chart;
    }

    /** Labels a series' last value only (the value's and the target's), in the indicator's format. */
    private static final class LastLabelled extends StandardCategoryItemLabelGenerator {
        private final transient Formats formats;
        private final transient Kpi kpi;

        LastLabelled(Formats formats, Kpi kpi) {
            this.formats = formats;
            this.kpi = kpi;
        }

        @Override
        public String generateLabel(CategoryDataset dataset, int row, int column) {
            for (int later = column + 1; later < dataset.getColumnCount(); later++) {
                if (dataset.getValue(row, later) != null) {
                    return null;
                }
            }
            Number value = dataset.getValue(row, column);
            return value == null ? null : formats.value(kpi, value.doubleValue());
        }
    }
}
