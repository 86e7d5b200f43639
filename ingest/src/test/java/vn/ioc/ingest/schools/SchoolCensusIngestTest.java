package vn.ioc.ingest.schools;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ioc.datasets.generator.Manifest;
import vn.ioc.ingest.IngestFixture;
import vn.ioc.ingest.IngestJob;

import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

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
        IngestJob.Outcome outcome = new IngestJob(fixture.spark, fixture.warehouse, quarantine, m -> { })
                .run(new SchoolCensusPipeline(), fixture.extracts, IngestFixture.PERIOD, IngestFixture.AS_OF);
        Manifest.SourceSummary census = fixture.manifest.sources().get(SchoolCensusPipeline.SOURCE);
        assertEquals(census.rows(), outcome.read());
        Map<String, Long> expected = new TreeMap<>();
        expected.put("SCH-COUNT", census.defects().getOrDefault("negative_count", 0L));
        expected.values().removeIf(v -> v == 0);
        assertEquals(expected, new TreeMap<>(outcome.quarantinedByRule()));

        long pupils = 0;
        long schools = 0;
        for (Manifest.FileEntry file : census.files()) {
            try (Reader reader = Files.newBufferedReader(fixture.extracts.resolve(file.path()), Charset.forName(file.encoding()));
                 CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                for (CSVRecord r : parser) {
                    long rowPupils = 0;
                    boolean negative = false;
                    for (String column : r.getParser().getHeaderNames()) {
                        if (column.startsWith("pupils_") && !r.get(column).isEmpty()) {
                            long value = Long.parseLong(r.get(column));
                            negative |= value < 0;
                            rowPupils += value;
                        }
                    }
                    negative |= r.get("seats").startsWith("-") || r.get("teachers").startsWith("-");
                    if (!negative) {
                        pupils += rowPupils;
                        schools++;
                    }
                }
            }
        }
        assertEquals(pupils, fixture.scalar("SELECT sum(pupils) FROM school_facts"));
        assertEquals(schools, fixture.scalar("SELECT sum(schools) FROM school_facts"));
        assertTrue(census.files().stream().anyMatch(f -> f.encoding().equals("windows-1258")), "the extract has a legacy-encoded file");
        assertEquals(0, fixture.scalar("SELECT count() FROM school_facts WHERE level NOT IN ('Mầm non', 'Tiểu học', 'THCS', 'THPT')"),
                "legacy-encoded Vietnamese is decoded, not quarantined");
    }
}
