package vn.ioc.analytics.values;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The windows of time a measure reads for each requested period, cut at every window edge into consecutive buckets,
 * so that one scan groups the fact rows by bucket and each period's value is the sum of the buckets inside its window
 * (a 12-month series, a cumulative count and its previous month are then all one pass). Bucket {@code k} holds the
 * days after {@code bounds[k-1]} up to {@code bounds[k]}; {@code bounds[0]} is the day before the earliest window.
 */
record Buckets(List<LocalDate> bounds, List<List<Integer>> members) {
    /** Before any fact: where windows that read everything start, and a window from here on needs no lower bound. */
    static final LocalDate EPOCH = LocalDate.of(1970, 1, 1);

    /** A window of days, inclusive; null where a period has nothing to read (a snapshot fact with no snapshot yet). */
    record Window(LocalDate from, LocalDate to) {
    }

    static Buckets of(List<Window> windows) {
        TreeSet<LocalDate> edges = new TreeSet<>();
        for (Window window : windows) {
            if (window != null) {
                edges.add(window.from().minusDays(1));
                edges.add(window.to());
            }
        }
        List<LocalDate> bounds = new ArrayList<>(edges);
        List<List<Integer>> members = new ArrayList<>();
        for (Window window : windows) {
            List<Integer> inside = new ArrayList<>();
            if (window != null) {
                for (int k = 1; k < bounds.size(); k++) {
                    if (!bounds.get(k - 1).isBefore(window.from().minusDays(1)) && !bounds.get(k).isAfter(window.to())) {
                        inside.add(k);
                    }
                }
            }
            members.add(List.copyOf(inside));
        }
        return new Buckets(List.copyOf(bounds), List.copyOf(members));
    }

    boolean empty() {
        return bounds.size() < 2;
    }

    /** Whether every period's window is one bucket, so that non-additive aggregates (distinct counts) stay exact. */
    boolean oneBucketEach() {
        return members.stream().allMatch(inside -> inside.size() <= 1);
    }
}
