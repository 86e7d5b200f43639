package vn.ioc.ingest.vaccination;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ioc.ingest.IngestFixture;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The vaccination register on generated tiny extracts, into a real warehouse. */
class VaccinationIngestTest {
    private static IngestFixture fixture;

    @BeforeAll
    static void prepare() {
        fixture = IngestFixture.get();
    }

    @Test
    void dosesMatchAnIndependentCountAndDefectsMatchTheManifest(@TempDir Path quarantine) throws Exception {
        fixture.assertMatchesManifest(fixture.ingest(new VaccinationPipeline(), quarantine),
                Map.of("VAC-PERSON", "dose_for_unknown_person", "VAC-FUTURE", "future_date", "VAC-COMMUNE", "unknown_commune_code"));
        Map<String, Long> defects = fixture.manifest.sources().get(VaccinationPipeline.SOURCE).defects();
        assertEquals(defects.getOrDefault("late_arriving_record", 0L),
                fixture.scalar("SELECT sum(failed) FROM data_quality_facts WHERE source = 'vaccination_register' AND rule = 'VAC-LATE'"));
        assertTrue(defects.getOrDefault("dose_sequence_gap", 0L) > 0, "the extracts have gaps in dose series to find");
        assertEquals(defects.getOrDefault("dose_sequence_gap", 0L),
                fixture.scalar("SELECT sum(failed) FROM data_quality_facts WHERE source = 'vaccination_register' AND rule = 'VAC-GAP'"));

        // Independently: valid doses per vaccine and dose number, straight from the files.
        Set<String> communes = new HashSet<>();
        fixture.units.communes().forEach(c -> communes.add(c.code()));
        fixture.units.crosswalk().stream().filter(e -> e.status().mapped()).forEach(e -> communes.add(e.oldCode()));
        Map<String, Long> expectedDoses = new TreeMap<>();
        fixture.forEachRecord(VaccinationPipeline.SOURCE, r -> {
            if (!r.get("personal_id").startsWith("099") && communes.contains(r.get("commune_code"))
                    && !LocalDate.parse(r.get("vaccinated_on")).isAfter(IngestFixture.AS_OF)) {
                expectedDoses.merge(r.get("vaccine") + "|" + r.get("dose_number"), 1L, Long::sum);
            }
        });
        Map<String, Long> actual = new TreeMap<>();
        try (Connection connection = fixture.warehouse.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT vaccine, dose_number, sum(doses) FROM "
                     + IngestFixture.asRead("vaccination_facts", "doses") + " GROUP BY 1, 2")) {
            while (rows.next()) {
                actual.put(rows.getString(1) + "|" + rows.getInt(2), rows.getLong(3));
            }
        }
        assertEquals(expectedDoses, actual);
        assertTrue(fixture.scalar("SELECT sum(doses) FROM vaccination_facts WHERE age_group = '18-59' AND vaccine LIKE 'COVID-19%'") > 0);
    }
}
