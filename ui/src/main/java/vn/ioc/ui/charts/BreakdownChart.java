package vn.ioc.ui.charts;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.ui.base.Formats;

import java.text.NumberFormat;
import java.util.Map;

/** A KPI split by one breakdown (sex, age band, vaccine, channel, ...), one horizontal bar per part, each with its value. */
public final class BreakdownChart {
    private BreakdownChart() {
    }

    /** The frame's height for this many bars. */
    public static ChartFrame frame(ChartFrame frame, int bars) {
        return frame.withHeight(frame.text() * 5 + bars * frame.text() * 2);
    }

    public static JFreeChart of(Formats formats, Kpi kpi, Map<String, Double> parts, ChartFrame frame) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        parts.forEach((part, value) -> data.addValue(value, formats.unit(kpi), part));
        JFreeChart chart = ChartStyle.apply(ChartFactory.createBarChart(null, null, formats.unit(kpi), data, PlotOrientation.HORIZONTAL, false, false, false), frame);
        NumberAxis axis = (NumberAxis) chart.getCategoryPlot().getRangeAxis();
        axis.setNumberFormatOverride(NumberFormat.getNumberInstance(formats.locale()));
        axis.setUpperMargin(0.25);
        BarRenderer renderer = (BarRenderer) chart.getCategoryPlot().getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, ChartStyle.VALUE);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(CategoryDataset dataset, int row, int column) {
                Number value = dataset.getValue(row, column);
                return value == null ? null : formats.value(kpi, value.doubleValue());
            }
        });
        renderer.setDefaultItemLabelFont(ChartStyle.labelFont(frame));
        renderer.setDefaultItemLabelsVisible(true);
        return chart;
    }
}
