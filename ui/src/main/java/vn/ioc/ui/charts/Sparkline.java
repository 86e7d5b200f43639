package vn.ioc.ui.charts;

import com.vaadin.flow.component.html.Div;

import java.util.List;
import java.util.Locale;

/** A small line of a KPI's recent values, as inline SVG (too small for axes; a chart library adds nothing here). */
public final class Sparkline {
    private static final int WIDTH = 120;
    private static final int HEIGHT = 28;

    private Sparkline() {
    }

    public static Div of(List<Double> values) {
        double min = values.stream().filter(Sparkline::present).mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().filter(Sparkline::present).mapToDouble(Double::doubleValue).max().orElse(1);
        double span = max - min == 0 ? 1 : max - min;
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            Double value = values.get(i);
            if (present(value)) {
                double x = values.size() == 1 ? WIDTH / 2.0 : i * (WIDTH - 4.0) / (values.size() - 1) + 2;
                double y = HEIGHT - 3 - (value - min) / span * (HEIGHT - 6);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
        }
        return Markup.of("sparkline-box", "<svg class=\"sparkline\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" width=\"" + WIDTH + "\" height=\"" + HEIGHT
                + "\" aria-hidden=\"true\"><polyline fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" points=\""
                + points.toString().strip() + "\"/></svg>");
    }

    private static boolean present(Double value) {
        return value != null && !value.isNaN();
    }
}
