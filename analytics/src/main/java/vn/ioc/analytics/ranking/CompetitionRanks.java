package vn.ioc.analytics.ranking;

import vn.ioc.analytics.catalogue.Direction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Standard competition ranking ("1, 2, 2, 4") of values rounded to two decimals, best first in the indicator's
 * direction: equal values share a rank, and units without a value are not ranked.
 */
public final class CompetitionRanks {
    private CompetitionRanks() {
    }

    /** The rank of each key with a value; keys whose value is null are absent. */
    public static <K> Map<K, Integer> of(Map<K, Double> values, Direction direction) {
        List<Map.Entry<K, Long>> ranked = new ArrayList<>();
        values.forEach((key, value) -> {
            if (value != null && !value.isNaN()) {
                ranked.add(Map.entry(key, Math.round(value * 100)));
            }
        });
        Comparator<Map.Entry<K, Long>> order = Map.Entry.comparingByValue();
        ranked.sort(direction == Direction.HIGHER ? order.reversed() : order);
        Map<K, Integer> ranks = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            boolean tied = i > 0 && ranked.get(i).getValue().equals(ranked.get(i - 1).getValue());
            ranks.put(ranked.get(i).getKey(), tied ? ranks.get(ranked.get(i - 1).getKey()) : i + 1);
        }
        return ranks;
    }
}
