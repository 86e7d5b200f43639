package vn.ioc.ingest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ioc.ingest.population.PopulationPipeline;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `ioc ingest` killed with SIGKILL in the middle of its load: the previous data stays, and the next run completes. */
class KilledIngestTest {
    private static IngestFixture fixture;

    @BeforeAll
    static void prepare() {
        fixture = IngestFixture.get();
    }

    @Test
    void aKilledLoadLeavesThePreviousDataAndTheNextRunCompletes(@TempDir Path quarantine) throws Exception {
        fixture.ingest(new PopulationPipeline(), quarantine);
        String before = fixture.checksum("population_facts");
        long runsBefore = fixture.scalar("SELECT count() FROM ingest_runs");

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(System.getProperty("ioc.jvm.flags", "").split(" ")));
        command.removeIf(String::isBlank);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "vn.ioc.warehouse.cli.Ioc", "ingest",
                "--input", fixture.extracts.toString(), "--source", PopulationPipeline.SOURCE, "--quarantine", quarantine.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("IOC_WAREHOUSE_URL", fixture.warehouse.url());
        builder.environment().put("IOC_WAREHOUSE_USER", fixture.warehouse.user());
        builder.environment().put("IOC_WAREHOUSE_PASSWORD", fixture.warehouse.password());
        Process ingest = builder.start();
        boolean killed = false;
        try (BufferedReader output = new BufferedReader(new InputStreamReader(ingest.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                if (line.contains("fact rows staged")) {
                    ingest.destroyForcibly();
                    killed = true;
                    break;
                }
            }
        }
        assertTrue(ingest.waitFor(60, TimeUnit.SECONDS));
        assertTrue(killed, "the child was killed after staging its facts and before swapping them in");
        assertEquals(before, fixture.checksum("population_facts"), "the killed load changed nothing visible");
        assertEquals(runsBefore, fixture.scalar("SELECT count() FROM ingest_runs"), "a killed run logged nothing");
        assertTrue(fixture.scalar("SELECT count() FROM system.tables WHERE database = currentDatabase() AND name LIKE 'population\\_facts\\_load\\_%'") > 0,
                "its staging table was left behind");

        fixture.ingest(new PopulationPipeline(), quarantine);
        assertEquals(before, fixture.checksum("population_facts"));
        assertEquals(0, fixture.scalar("SELECT count() FROM system.tables WHERE database = currentDatabase() AND name LIKE '%\\_load\\_%'"));
        assertFalse(Files.exists(quarantine.resolve("_staging")), "no fact files are left behind");
    }
}
