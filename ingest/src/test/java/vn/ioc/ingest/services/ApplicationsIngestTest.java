package vn.ioc.ingest.services;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ioc.ingest.IngestFixture;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The applications source on generated tiny extracts, into a real warehouse. */
class ApplicationsIngestTest {
    private static IngestFixture fixture;

    @BeforeAll
    static void prepare() {
        fixture = IngestFixture.get();
    }

    @Test
    void factsMatchAnIndependentCountAndTheQuarantineMatchesTheManifest(@TempDir Path quarantine) throws Exception {
        fixture.assertMatchesManifest(fixture.ingest(new ApplicationsPipeline(), quarantine),
                Map.of("APP-SERVICE", "blank_required_field", "APP-ORDER", "impossible_date", "APP-COMMUNE", "unknown_commune_code"));

        // Independently: valid applications per current province and channel, straight from the files.
        Map<String, String> provinceOf = new HashMap<>();
        fixture.units.communes().forEach(c -> provinceOf.put(c.code(), c.provinceCode()));
        fixture.units.crosswalk().stream().filter(e -> e.status().mapped()).forEach(e -> provinceOf.putIfAbsent(e.oldCode(), e.newProvinceCode()));
        Set<String> current = new HashSet<>();
        fixture.units.communes().forEach(c -> current.add(c.code()));
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        Map<String, Long> expectedCounts = new TreeMap<>();
        long[] preReform = {0};
        fixture.forEachRecord(ApplicationsPipeline.SOURCE, r -> {
            String province = provinceOf.get(r.get("commune_code"));
            if (r.get("service_code").isEmpty() || province == null || !r.get("resolved_at").isEmpty()
                    && LocalDateTime.parse(r.get("resolved_at"), format).isBefore(LocalDateTime.parse(r.get("received_at"), format))) {
                return;
            }
            expectedCounts.merge(province + "|" + r.get("channel"), 1L, Long::sum);
            preReform[0] += current.contains(r.get("commune_code")) ? 0 : 1;
        });
        Map<String, Long> actual = new TreeMap<>();
        try (Connection connection = fixture.warehouse.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT province_code, channel, sum(applications) FROM "
                     + IngestFixture.asRead("service_facts", "applications") + " GROUP BY 1, 2")) {
            while (rows.next()) {
                actual.put(rows.getString(1) + "|" + rows.getString(2), rows.getLong(3));
            }
        }
        assertEquals(expectedCounts, actual);
        assertEquals(preReform[0], fixture.scalar("SELECT sum(from_pre_reform_code) FROM " + IngestFixture.asRead("service_facts", "from_pre_reform_code")));
        assertTrue(preReform[0] > 0, "applications from before the reform are mapped to the current communes");
        assertTrue(fixture.scalar("SELECT uniqExact(toYYYYMM(day)) FROM service_facts") >= 20, "months of history");
    }
}
