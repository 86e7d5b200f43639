package vn.ioc.ingest.services;

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
        IngestJob.Outcome outcome = new IngestJob(fixture.spark, fixture.warehouse, quarantine, m -> { })
                .run(new ApplicationsPipeline(), fixture.extracts, IngestFixture.PERIOD, IngestFixture.AS_OF);
        Manifest.SourceSummary applications = fixture.manifest.sources().get(ApplicationsPipeline.SOURCE);
        assertEquals(applications.rows(), outcome.read());
        assertEquals(outcome.read(), outcome.loadedFrom() + outcome.quarantined() + outcome.duplicates());
        Map<String, Long> expected = new TreeMap<>();
        expected.put("APP-SERVICE", applications.defects().getOrDefault("blank_required_field", 0L));
        expected.put("APP-ORDER", applications.defects().getOrDefault("impossible_date", 0L));
        expected.put("APP-COMMUNE", applications.defects().getOrDefault("unknown_commune_code", 0L));
        expected.values().removeIf(v -> v == 0);
        assertEquals(expected, new TreeMap<>(outcome.quarantinedByRule()));

        // Independently: valid applications per current province and channel, straight from the files.
        Map<String, String> provinceOf = new HashMap<>();
        fixture.units.communes().forEach(c -> provinceOf.put(c.code(), c.provinceCode()));
        fixture.units.crosswalk().stream().filter(e -> e.status().mapped()).forEach(e -> provinceOf.putIfAbsent(e.oldCode(), e.newProvinceCode()));
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        Map<String, Long> expectedCounts = new TreeMap<>();
        long preReform = 0;
        Set<String> current = new HashSet<>();
        fixture.units.communes().forEach(c -> current.add(c.code()));
        for (Manifest.FileEntry file : applications.files()) {
            try (Reader reader = Files.newBufferedReader(fixture.extracts.resolve(file.path()));
                 CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                for (CSVRecord r : parser) {
                    String province = provinceOf.get(r.get("commune_code"));
                    if (r.get("service_code").isEmpty() || province == null || !r.get("resolved_at").isEmpty()
                            && LocalDateTime.parse(r.get("resolved_at"), format).isBefore(LocalDateTime.parse(r.get("received_at"), format))) {
                        continue;
                    }
                    expectedCounts.merge(province + "|" + r.get("channel"), 1L, Long::sum);
                    preReform += current.contains(r.get("commune_code")) ? 0 : 1;
                }
            }
        }
        Map<String, Long> actual = new TreeMap<>();
        try (Connection connection = fixture.warehouse.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT province_code, channel, sum(applications) FROM service_facts GROUP BY 1, 2")) {
            while (rows.next()) {
                actual.put(rows.getString(1) + "|" + rows.getString(2), rows.getLong(3));
            }
        }
        assertEquals(expectedCounts, actual);
        assertEquals(preReform, fixture.scalar("SELECT sum(from_pre_reform_code) FROM service_facts"));
        assertTrue(preReform > 0, "applications from before the reform are mapped to the current communes");
        assertTrue(fixture.scalar("SELECT uniqExact(toYYYYMM(day)) FROM service_facts") >= 20, "one partition per month of history");
    }
}
