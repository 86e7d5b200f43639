package vn.ioc.ingest.vaccination;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Vaccine supply on generated tiny extracts, into a real warehouse. */
class VaccineSupplyIngestTest {
    private static IngestFixture fixture;

    @BeforeAll
    static void prepare() {
        fixture = IngestFixture.get();
    }

    @Test
    void deliveriesMatchAnIndependentSum(@TempDir Path quarantine) throws Exception {
        IngestJob.Outcome outcome = new IngestJob(fixture.spark, fixture.warehouse, quarantine, m -> { })
                .run(new VaccineSupplyPipeline(), fixture.extracts, IngestFixture.PERIOD, IngestFixture.AS_OF);
        Manifest.SourceSummary supply = fixture.manifest.sources().get(VaccineSupplyPipeline.SOURCE);
        assertEquals(supply.rows(), outcome.read());
        Map<String, Long> expected = new TreeMap<>();
        expected.put("SUP-COUNT", supply.defects().getOrDefault("negative_count", 0L));
        expected.values().removeIf(v -> v == 0);
        assertEquals(expected, new TreeMap<>(outcome.quarantinedByRule()));
        long delivered = 0;
        for (Manifest.FileEntry file : supply.files()) {
            try (Reader reader = Files.newBufferedReader(fixture.extracts.resolve(file.path()));
                 CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                for (CSVRecord r : parser) {
                    long value = Long.parseLong(r.get("doses_delivered"));
                    delivered += value < 0 ? 0 : value;
                }
            }
        }
        assertEquals(delivered, fixture.scalar("SELECT sum(doses_delivered) FROM vaccine_supply_facts"));
    }
}
