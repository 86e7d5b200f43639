package vn.ioc.analytics.index;

import org.junit.jupiter.api.Test;
import vn.ioc.analytics.AnalyticsFixture;
import vn.ioc.analytics.catalogue.CatalogueException;
import vn.ioc.analytics.catalogue.LocalizedText;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.analytics.values.KpiValue;

import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompositeIndicesTest {
    private static final Period OCTOBER = Period.month(YearMonth.of(2026, 10));
    private final AnalyticsFixture fixture = AnalyticsFixture.get();

    @Test
    void the766IndexIsTheWeightedTargetRatiosOfItsComponentsOutOf100() {
        List<IndexScore> scores = fixture.indices.scores("index_766", UnitLevel.PROVINCE, Unit.NATION, OCTOBER);
        assertEquals(34, scores.size());
        IndexDefinition index = fixture.indices.definitions().index("index_766");
        assertEquals(100, index.groups().stream().mapToDouble(IndexDefinition.Group::weight).sum());
        for (IndexScore score : scores) {
            if (score.rank() == null) {
                assertTrue(score.contributions().stream().allMatch(part -> part.value() == null));
                continue;
            }
            double expected = 0;
            for (IndexDefinition.Group group : index.groups()) {
                for (IndexDefinition.Component component : group.components()) {
                    KpiValue value = fixture.values.value(component.kpi(), score.unit(), OCTOBER);
                    double ratio = value.value() == null ? 0 : Math.min(1, value.value() / value.target());
                    expected += group.weight() * component.weight() / group.components().stream().mapToDouble(IndexDefinition.Component::weight).sum() * ratio;
                }
            }
            assertEquals(expected, score.score(), 1e-9, score.unit().code());
            assertEquals(score.score(), score.contributions().stream().mapToDouble(Contribution::points).sum(), 1e-9, "contributions add up");
        }
        assertEquals(1, scores.getFirst().rank());
        assertTrue(scores.getFirst().score() >= scores.get(1).score());
    }

    @Test
    void minMaxGivesTheBestUnitOfEachComponentItsFullWeight() {
        List<IndexScore> scores = fixture.indices.scores("index_ioc", UnitLevel.COMMUNE, fixture.values.units().province("48"), OCTOBER);
        IndexScore any = scores.getFirst();
        for (Contribution part : any.contributions()) {
            double best = scores.stream().flatMap(score -> score.contributions().stream())
                    .filter(other -> other.kpi().equals(part.kpi())).mapToDouble(Contribution::normalised).max().orElseThrow();
            assertTrue(best == 1.0 || best == 0.0, part.kpi() + ": " + best);
        }
    }

    @Test
    void aConfiguredIndexWithZScoresAndBadDefinitions() {
        IndexDefinition custom = new IndexDefinition("custom", new LocalizedText("Tự chọn", "Custom"), Normalisation.Z_SCORE, 1,
                List.of(new IndexDefinition.Group("id", new LocalizedText("Định danh", "Identity"), 1,
                        List.of(new IndexDefinition.Component("population.id_card_rate_14plus", 1)))), new LocalizedText("thử", "test"));
        List<IndexScore> scores = fixture.indices.scores(custom, UnitLevel.COMMUNE, fixture.values.units().province("79"), OCTOBER);
        double mean = scores.stream().filter(score -> score.rank() != null).mapToDouble(IndexScore::score).average().orElseThrow();
        assertEquals(0, mean, 1e-9, "z-scores average to 0");

        IndexDefinition unknown = new IndexDefinition("bad", new LocalizedText("x", "x"), Normalisation.MIN_MAX, 100,
                List.of(new IndexDefinition.Group("g", new LocalizedText("x", "x"), 1, List.of(new IndexDefinition.Component("no.such", 1)))), new LocalizedText("s", "s"));
        CatalogueException error = assertThrows(CatalogueException.class,
                () -> fixture.indices.scores(unknown, UnitLevel.PROVINCE, Unit.NATION, OCTOBER));
        assertTrue(error.getMessage().contains("index 'bad': group 'g': kpi 'no.such' is not in the catalogue"), error.getMessage());
        IndexDefinition noTarget = new IndexDefinition("bad", new LocalizedText("x", "x"), Normalisation.TARGET_RATIO, 100,
                List.of(new IndexDefinition.Group("g", new LocalizedText("x", "x"), 1,
                        List.of(new IndexDefinition.Component("services.applications", 1)))), new LocalizedText("s", "s"));
        assertTrue(assertThrows(CatalogueException.class, () -> fixture.indices.scores(noTarget, UnitLevel.PROVINCE, Unit.NATION, OCTOBER))
                .getMessage().contains("neither targets nor thresholds"));
    }
}
