package vn.ioc.ingest.vaccination;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ioc.ingest.IngestFixture;

import java.nio.file.Path;
import java.util.Map;

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
        fixture.assertMatchesManifest(fixture.ingest(new VaccineSupplyPipeline(), quarantine), Map.of("SUP-COUNT", "negative_count"));
        long[] delivered = {0};
        fixture.forEachRecord(VaccineSupplyPipeline.SOURCE, r -> delivered[0] += Math.max(0, Long.parseLong(r.get("doses_delivered"))));
        assertEquals(delivered[0], fixture.scalar("SELECT sum(doses_delivered) FROM vaccine_supply_facts"));
    }
}
