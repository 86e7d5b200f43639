package vn.ioc.ui;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in a real browser: Debian's chromium driven by playwright-core (fetched with npm into target/) runs
 * {@code src/test/e2e/dashboard.mjs} (sign in, drill province to commune, switch language, phone width) and
 * {@code planning.mjs} (a planner's vaccine allocation and school places); screenshots in {@code target/screenshots}.
 */
@SpringBootTest(classes = IocDashboard.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserTest {
    private static final String PLAYWRIGHT = "playwright-core@1.65.1";
    private static final Path SHOTS = Path.of("target", "screenshots").toAbsolutePath();
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void warehouse(DynamicPropertyRegistry registry) {
        DashboardTestData.register(registry);
    }

    @Test
    void signInDrillDownSwitchLanguage() throws Exception {
        String output = script("dashboard.mjs", "01");
        assertTrue(output.contains("ok:"), output);
        for (String shot : List.of("1-overview-vi", "2-province-vi", "3-commune-vi", "4-commune-en", "5-refused-en", "6-map-en", "7-overview-phone")) {
            assertTrue(Files.size(SHOTS.resolve(shot + ".png")) > 10_000, shot + " saved");
        }
    }

    @Test
    void planVaccinesAndSchoolPlaces() throws Exception {
        String output = script("planning.mjs", DashboardTestData.period());
        assertTrue(output.contains("ok:"), output);
        for (String shot : List.of("8-vaccines-vi", "9-vaccines-scenario-vi", "10-schools-en")) {
            assertTrue(Files.size(SHOTS.resolve(shot + ".png")) > 10_000, shot + " saved");
        }
    }

    /** Runs a script of {@code src/test/e2e} against this server, after fetching playwright-core once. */
    private String script(String name, String argument) throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), "the browser test needs Debian's chromium at " + CHROMIUM + " (apt-get install chromium; .ci/run does)");
        Path work = Path.of("target", "e2e").toAbsolutePath();
        Files.createDirectories(work);
        Files.createDirectories(SHOTS);
        if (!Files.isDirectory(work.resolve("node_modules/playwright-core"))) {
            run(work, List.of("npm", "install", "--no-audit", "--no-fund", "--no-save", "--prefix", work.toString(), PLAYWRIGHT), 300);
        }
        try (Stream<Path> scripts = Files.list(Path.of("src/test/e2e"))) {
            for (Path script : scripts.toList()) {
                Files.copy(script, work.resolve(script.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return run(work, List.of("node", work.resolve(name).toString(), "http://127.0.0.1:" + port, SHOTS.toString(), argument), 300);
    }

    private static String run(Path directory, List<String> command, int seconds) throws Exception {
        File log = Files.createTempFile("ioc-e2e-", ".log").toFile();
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).redirectOutput(log).start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
        return output;
    }
}
