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
import vn.ioc.analytics.pace.Pace;
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
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A KPI over time: its values, its target, and the same periods a year earlier; for a month, the line of its recent
 * pace carried on towards the deadline, dashed, with its 95 % band.
 */
public final class TrendChart {
    /** Values spread over less than this share of their largest are drawn on an axis not starting at zero. */
    private static final double ZERO_BASELINE_SPREAD = 0.1;
    /** The months ahead a projection is drawn over, at most. */
    private static final int MONTHS_PROJECTED = 12;

    /** One period of the chart; null values leave gaps. */
    public record Point(String label, Double value, Double target, Double lastYear, Double projected, Double low, Double high) {
        Point(String label, Double value, Double target, Double lastYear) {
            this(label, value, target, lastYear, null, null, null);
        }
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

    /**
     * The points with the pace's line from the last one on (the line's level there, then the months ahead, each with
     * the target), up to {@value #MONTHS_PROJECTED} months; the points as they are without a pace or when it has no line.
     */
    public static List<Point> projected(List<Point> points, Optional<Pace> shown, Function<Period, String> label) {
        if (shown.isEmpty() || shown.get().projection().isEmpty() || points.isEmpty()) {
            return points;
        }
        Pace pace = shown.get();
        List<Point> projected = new ArrayList<>(points);
        Pace.Projected now = pace.projection().getFirst();
        Point last = points.getLast();
        projected.set(points.size() - 1, new Point(last.label(), last.value(), last.target(), last.lastYear(), now.value(), now.low(), now.high()));
        for (Pace.Projected ahead : pace.projection().subList(1, Math.min(pace.projection().size(), MONTHS_PROJECTED + 1))) {
            projected.add(new Point(label.apply(Period.month(ahead.month())), null, pace.target(), null, ahead.value(), ahead.low(), ahead.high()));
        }
        return projected;
    }

    /** The chart's words: its series' names, and the note said when the value axis does not start at zero. */
    public record Legend(String value, String target, String lastYear, String projected, String band, String zoomed) {
        /** The legend in the language of {@code texts}. */
        public static Legend of(Texts texts) {
            return new Legend(texts.get("trend.value"), texts.get("trend.target"), texts.get("trend.lastyear"), texts.get("trend.projected"),
                    texts.get("trend.band"), texts.get("trend.zoomed"));
        }
    }

    /**
     * The trend drawn for its frame: the value axis in the language's number format, starting at zero unless the values
     * lie so close together that a zero baseline would flatten them (then the chart says so); the last value and the
     * target labelled.
     */
    public static JFreeChart of(Formats formats, Kpi kpi, Legend legend, List<Point> points, ChartFrame frame) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        boolean projected = points.stream().anyMatch(point -> point.projected() != null);
        for (Point point : points) {
            data.addValue(point.value(), legend.value(), point.label());
            data.addValue(point.target(), legend.target(), point.label());
            data.addValue(point.lastYear(), legend.lastYear(), point.label());
            if (projected) {
                data.addValue(point.projected(), legend.projected(), point.label());
                data.addValue(point.low(), legend.band(), point.label());
                data.addValue(point.high(), legend.band() + " ", point.label());
            }
        }
        JFreeChart chart = ChartStyle.apply(ChartFactory.createLineChart(null, null, formats.unit(kpi), data, PlotOrientation.VERTICAL, true, false, false), frame);
        CategoryPlot plot = chart.getCategoryPlot();
        boolean crowded = frame.width() / Math.max(1, points.size()) < frame.text() * 6;
        plot.getDomainAxis().setCategoryLabelPositions(crowded ? CategoryLabelPositions.UP_45 : CategoryLabelPositions.STANDARD);
        // Too many periods for their labels, even slanted (a year and its projection on a phone): every n-th is written, the last one always.
        int every = (int) Math.ceil(1.7 * frame.text() * points.size() / frame.width());
        for (int i = 0; every > 1 && i < points.size(); i++) {
            if ((points.size() - 1 - i) % every != 0) {
                plot.getDomainAxis().setTickLabelPaint(points.get(i).label(), new Color(0, 0, 0, 0));
            }
        }
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        axis.setNumberFormatOverride(NumberFormat.getNumberInstance(formats.locale()));
        axis.setUpperMargin(0.15);
        axis.setLowerMargin(0.15);
        DoubleSummaryStatistics shown = points.stream().flatMap(point -> Stream.of(point.value(), point.target(), point.lastYear(), point.low(), point.high()))
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
        if (projected) {
            renderer.setSeriesPaint(3, ChartStyle.VALUE);
            renderer.setSeriesStroke(3, new BasicStroke(2f * line, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f * line, 3f * line}, 0f));
            renderer.setSeriesShapesVisible(3, false);
            Color band = new Color(ChartStyle.VALUE.getRed(), ChartStyle.VALUE.getGreen(), ChartStyle.VALUE.getBlue(), 110);
            for (int bound = 4; bound <= 5; bound++) {
                renderer.setSeriesPaint(bound, band);
                renderer.setSeriesStroke(bound, new BasicStroke(1f * line, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {1.5f * line, 2.5f * line}, 0f));
                renderer.setSeriesShapesVisible(bound, false);
            }
            for (int series = 3; series <= 5; series++) {
                renderer.setSeriesItemLabelsVisible(series, false);
            }
            renderer.setSeriesVisibleInLegend(5, false);
        }
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
