package vn.ioc.analytics.catalogue;

/**
 * The values an indicator can take for a province or commune in real data ({@code null}: no bound on that side):
 * rates 0–100 unless the definition allows more, pupils per class 15–55, a score 1–5. A value outside it is a
 * fault of the data or of the computation, never a finding.
 */
public record PlausibleRange(Double min, Double max) {
    public boolean contains(double value) {
        return (min == null || value >= min) && (max == null || value <= max);
    }

    @Override
    public String toString() {
        return "[" + (min == null ? "−∞" : min) + ", " + (max == null ? "∞" : max) + "]";
    }
}
