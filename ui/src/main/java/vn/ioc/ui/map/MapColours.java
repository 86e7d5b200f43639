package vn.ioc.ui.map;

import vn.ioc.analytics.catalogue.Direction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Five classes of values by quantile, coloured from worst (red) to best (green) in the KPI's direction. */
final class MapColours {
    static final String NO_DATA = "#d9d9d9";
    private static final List<String> WORST_TO_BEST = List.of("#d7191c", "#fdae61", "#ffffbf", "#a6d96a", "#1a9641");

    /** One class of the legend: values from {@code low} to {@code high}. */
    record Band(double low, double high, String colour) {
    }

    private final List<Band> bands;

    MapColours(Map<String, Double> values, Direction direction) {
        List<Double> sorted = values.values().stream().filter(value -> value != null && !value.isNaN()).sorted().toList();
        List<Band> bands = new ArrayList<>();
        if (!sorted.isEmpty()) {
            int classes = Math.min(WORST_TO_BEST.size(), sorted.size());
            for (int i = 0; i < classes; i++) {
                double low = sorted.get(i * sorted.size() / classes);
                double high = sorted.get(Math.min(sorted.size() - 1, (i + 1) * sorted.size() / classes - 1));
                int step = classes == 1 ? WORST_TO_BEST.size() / 2 : i * (WORST_TO_BEST.size() - 1) / (classes - 1);
                bands.add(new Band(low, high, WORST_TO_BEST.get(direction == Direction.LOWER ? WORST_TO_BEST.size() - 1 - step : step)));
            }
        }
        this.bands = List.copyOf(bands);
    }

    String colour(Double value) {
        if (value == null || value.isNaN()) {
            return NO_DATA;
        }
        for (Band band : bands) {
            if (value <= band.high()) {
                return band.colour();
            }
        }
        return bands.getLast().colour();
    }

    List<Band> bands() {
        return bands;
    }
}
