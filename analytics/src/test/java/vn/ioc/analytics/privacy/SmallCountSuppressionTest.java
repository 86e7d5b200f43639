package vn.ioc.analytics.privacy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SmallCountSuppressionTest {
    private final SmallCountSuppression k10 = new SmallCountSuppression(10);

    @Test
    void smallCountsAreSuppressedAndZeroIsNot() {
        assertEquals(Set.of("a", "b"), k10.suppressed(List.of(new SmallCountSuppression.Counts("a", 3, 40.0),
                new SmallCountSuppression.Counts("b", 20, 9.0), new SmallCountSuppression.Counts("c", 0, 50.0),
                new SmallCountSuppression.Counts("d", 30, 60.0))));
    }

    @Test
    void aLoneSuppressedPartTakesTheNextSmallestWithIt() {
        assertEquals(Set.of("a", "c"), k10.suppressed(List.of(new SmallCountSuppression.Counts("a", 4, 100.0),
                new SmallCountSuppression.Counts("b", 50, 300.0), new SmallCountSuppression.Counts("c", 60, 120.0))));
        assertEquals(Set.of("a", "b"), k10.suppressed(List.of(new SmallCountSuppression.Counts("a", 4, null),
                new SmallCountSuppression.Counts("b", 12, null), new SmallCountSuppression.Counts("c", 60, null))));
    }

    @Test
    void nothingIsSuppressedWhenNoCountIsSmall() {
        assertEquals(Set.of(), k10.suppressed(List.of(new SmallCountSuppression.Counts("a", 10, 10.0),
                new SmallCountSuppression.Counts("b", 0, 0.0))));
    }
}
