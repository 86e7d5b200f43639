package vn.ioc.analytics.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * k-anonymity for the parts of a breakdown: a part counting between 1 and k-1 persons (in its numerator or its
 * denominator) is suppressed; when that leaves a single suppressed part, the next smallest part is suppressed as
 * well (complementary suppression), so the published total minus the published parts cannot reveal it.
 */
public final class SmallCountSuppression {
    public static final int DEFAULT_K = 10;

    private final int k;

    public SmallCountSuppression(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, not " + k);
        }
        this.k = k;
    }

    public int k() {
        return k;
    }

    /** A part's person counts; {@code denominator} is null for counts without one. */
    public record Counts(String part, double numerator, Double denominator) {
        double size() {
            return denominator == null ? numerator : denominator;
        }
    }

    /** The parts to suppress. */
    public Set<String> suppressed(List<Counts> parts) {
        Set<String> suppressed = new HashSet<>();
        for (Counts counts : parts) {
            if (small(counts.numerator()) || (counts.denominator() != null && small(counts.denominator()))) {
                suppressed.add(counts.part());
            }
        }
        if (suppressed.size() == 1 && parts.size() > 1) {
            List<Counts> rest = new ArrayList<>(parts.stream().filter(counts -> !suppressed.contains(counts.part()) && counts.size() > 0).toList());
            rest.sort(Comparator.comparingDouble(Counts::size).thenComparing(Counts::part));
            if (!rest.isEmpty()) {
                suppressed.add(rest.getFirst().part());
            }
        }
        return suppressed;
    }

    private boolean small(double count) {
        return count >= 1 && count < k;
    }
}
