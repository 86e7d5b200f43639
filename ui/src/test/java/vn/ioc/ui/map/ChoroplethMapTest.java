package vn.ioc.ui.map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ioc.analytics.catalogue.Direction;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.catalogue.KpiCatalogue;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.datasets.units.SharedReferenceData;
import vn.ioc.ui.DashboardTestData;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.base.Language;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Province outlines from the shared GeoJSON, the tile map without them, colours in the KPI's direction, and bad boundary files named. */
class ChoroplethMapTest {
    private static final Formats VI = new Formats(Language.VIETNAMESE);
    private final Kpi kpi = KpiCatalogue.standard().kpi("population.verified_rate");

    private static List<Unit> provinces(int count) {
        List<Unit> provinces = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String code = String.format("%02d", i);
            provinces.add(new Unit(UnitLevel.PROVINCE, code, "Tỉnh " + code, "Province " + code, "Tỉnh", code, Set.of()));
        }
        return provinces;
    }

    @Test
    void everyProvinceOfTheSharedBoundariesIsDrawn() {
        Path file = SharedReferenceData.locate(Optional.empty()).orElseThrow().root().resolve(DashboardTestData.BOUNDARIES);
        ProvinceBoundaries boundaries = ProvinceBoundaries.read(file);
        assertEquals(34, boundaries.paths().size());
        assertTrue(boundaries.paths().get("01").startsWith("M"));
        assertTrue(boundaries.height() > ProvinceBoundaries.WIDTH, "Việt Nam is taller than wide");
    }

    @Test
    void withoutBoundariesEachProvinceIsATileLinkingToIt() {
        Map<String, Double> values = new HashMap<>();
        provinces(34).forEach(province -> values.put(province.code(), Double.parseDouble(province.code())));
        values.put("07", null);
        String svg = ChoroplethMap.tiles(provinces(34), ChoroplethMap.Shading.of(kpi, values, VI), VI, province -> "province/" + province.code()).getElement().getProperty("innerHTML");
        assertEquals(34, svg.split("<rect ", -1).length - 1);
        assertTrue(svg.contains("<a href=\"province/05\" data-code=\"05\">"));
        assertTrue(svg.contains("<title>Tỉnh 34: 34,0 %</title>"), "name and value on hover, in Vietnamese format");
        assertTrue(svg.contains("fill=\"" + MapColours.NO_DATA + "\""), "a province without a value is grey");
    }

    @Test
    void coloursRunFromWorstToBestInTheIndicatorsDirection() {
        Map<String, Double> values = Map.of("01", 10.0, "02", 20.0, "03", 30.0, "04", 40.0, "05", 50.0);
        MapColours higher = new MapColours(values, Direction.HIGHER);
        MapColours lower = new MapColours(values, Direction.LOWER);
        assertEquals("#1a9641", higher.colour(50.0), "the highest is best when higher is better");
        assertEquals("#d7191c", higher.colour(10.0));
        assertEquals("#d7191c", lower.colour(50.0), "and worst when lower is better");
        assertEquals(5, higher.bands().size());
    }

    @Test
    void aBadBoundaryFileIsNamedWithItsFeature(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("bad.geojson");
        Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"Hà Nội\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[105,21],[106,21],[106,22],[105,21]]]}}]}");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ProvinceBoundaries.read(file));
        assertTrue(error.getMessage().contains(file.toString()) && error.getMessage().contains("feature 1"), error.getMessage());
        Files.writeString(file, "not json");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ProvinceBoundaries.read(file)).getMessage().contains("GeoJSON"));
    }
}
