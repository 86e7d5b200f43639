package vn.ioc.analytics.pace;

import java.util.Arrays;

/**
 * The Theil–Sen line through points: the median of the slopes between every two points (so a few odd months do not
 * bend it), the median intercept, and Sen's 95 % confidence band of the slope (the order statistics of the pairwise
 * slopes around the median, as Sen 1968 gives them).
 */
record TheilSen(double slope, double intercept, double slowSlope, double fastSlope) {
    private static final double Z95 = 1.96;

    /** The line through ({@code x[i]}, {@code y[i]}); at least two points with distinct {@code x}. */
    static TheilSen fit(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("a line needs two points or more, with as many x as y; got " + x.length + " and " + y.length);
        }
        int n = x.length;
        double[] slopes = new double[n * (n - 1) / 2];
        int pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (x[j] != x[i]) {
                    slopes[pairs++] = (y[j] - y[i]) / (x[j] - x[i]);
                }
            }
        }
        if (pairs == 0) {
            throw new IllegalArgumentException("a line needs two distinct x");
        }
        double[] sorted = Arrays.copyOf(slopes, pairs);
        Arrays.sort(sorted);
        double slope = median(sorted);
        double[] intercepts = new double[n];
        for (int i = 0; i < n; i++) {
            intercepts[i] = y[i] - slope * x[i];
        }
        Arrays.sort(intercepts);
        double spread = Z95 * Math.sqrt(n * (n - 1.0) * (2.0 * n + 5) / 18.0);
        int low = (int) Math.floor((pairs - spread) / 2.0);
        int high = (int) Math.ceil((pairs + spread) / 2.0);
        return new TheilSen(slope, median(intercepts), sorted[Math.clamp(low, 0, pairs - 1)], sorted[Math.clamp(high, 0, pairs - 1)]);
    }

    double at(double x) {
        return intercept + slope * x;
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
