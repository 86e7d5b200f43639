package vn.ioc.ingest.schools;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ioc.ingest.IngestFixture;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The school census on generated tiny extracts, including a file in the legacy Windows-1258 encoding. */
class SchoolCensusIngestTest {
    private static IngestFixture fixture;

    @BeforeAll
    static void prepare() {
        fixture = IngestFixture.get();
    }

    @Test
    void pupilsMatchAnIndependentSumWhateverTheEncoding(@TempDir Path quarantine) throws Exception {
        fixture.assertMatchesManifest(fixture.ingest(new SchoolCensusPipeline(), quarantine), Map.of("SCH-COUNT", "negative_count"));
        long[] totals = {0, 0};
        fixture.forEachRecord(SchoolCensusPipeline.SOURCE, r -> {
            long rowPupils = 0;
            boolean negative = r.get("seats").startsWith("-") || r.get("teachers").startsWith("-");
            for (String column : r.getParser().getHeaderNames()) {
                if (column.startsWith("pupils_") && !r.get(column).isEmpty()) {
                    long value = Long.parseLong(r.get(column));
                    negative |= value < 0;
                    rowPupils += value;
                }
            }
            if (!negative) {
                totals[0] += rowPupils;
                totals[1]++;
            }
        });
        assertEquals(totals[0], fixture.scalar("SELECT sum(pupils) FROM school_facts"));
        assertEquals(totals[1], fixture.scalar("SELECT sum(schools) FROM school_facts"));
        assertTrue(fixture.manifest.sources().get(SchoolCensusPipeline.SOURCE).files().stream().anyMatch(f -> f.encoding().equals("windows-1258")),
                "the extract has a legacy-encoded file");
        assertEquals(0, fixture.scalar("SELECT count() FROM school_facts WHERE level NOT IN ('Mầm non', 'Tiểu học', 'THCS', 'THPT')"),
                "legacy-encoded Vietnamese is decoded, not quarantined");
    }
}
