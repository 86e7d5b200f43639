package vn.ioc.analytics.ranking;

import org.junit.jupiter.api.Test;
import vn.ioc.analytics.catalogue.Direction;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CompetitionRanksTest {
    @Test
    void equalValuesToTwoDecimalsShareARankAndTheNextRankSkips() {
        Map<String, Double> values = new HashMap<>();
        values.put("a", 86.97);
        values.put("b", 84.871);
        values.put("c", 84.869);
        values.put("d", 80.0);
        values.put("e", null);
        assertEquals(Map.of("a", 1, "b", 2, "c", 2, "d", 4), CompetitionRanks.of(values, Direction.HIGHER));
        assertEquals(Map.of("a", 4, "b", 2, "c", 2, "d", 1), CompetitionRanks.of(values, Direction.LOWER));
    }
}
