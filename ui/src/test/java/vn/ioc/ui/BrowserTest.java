package vn.ioc.ui;

import org.junit.jupiter.api.Test;
import vn.ioc.analytics.units.UnitDirectory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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
public class BrowserTest {
    private static final String PLAYWRIGHT = "playwright-core@1.65.1";
    public static final Path SHOTS = Path.of("target", "screenshots").toAbsolutePath();
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
        for (String shot : List.of("1-overview-vi", "1b-lineage-card-vi", "2-province-vi", "2c-lineage-chart-vi", "2d-lineage-grid-vi", "3-commune-vi", "4-commune-en", "4c-lineage-en",
                "4b-no-data-en", "5-refused-en", "6-map-en", "7-overview-phone", "7b-lineage-phone", "8a-alert-refused-vi", "8-alerts-vi", "8b-alerts-phone-en", "8c-ranking-phone-en")) {
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

    @Test
    void walkEveryPageAsEveryRole() throws Exception {
        String output = script("walk.mjs", DashboardTestData.period() + "," + communeOf("01") + "," + communeOf("79"), 900);
        assertTrue(output.contains("ok:"), output);
        System.out.println(output);
    }

    private static String communeOf(String province) {
        UnitDirectory units = DashboardTestData.fixture().values.units();
        return units.communesOf(units.province(province)).getFirst().code();
    }

    private String script(String name, String argument) throws Exception {
        return script(name, argument, 300);
    }

    /** Runs a script of {@code src/test/e2e} against this server to its end. */
    private String script(String name, String argument, int seconds) throws Exception {
        Process script = startScript(name, "http://127.0.0.1:" + port, argument);
        if (!script.waitFor(seconds, TimeUnit.SECONDS)) {
            script.destroyForcibly().waitFor();
        }
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, script.exitValue(), name + " failed:\n" + output);
        return output;
    }

    /**
     * Starts a script of {@code src/test/e2e} with the base URL, the screenshots folder and an argument; its output (and
     * errors) on the process's input stream.
     */
    public static Process startScript(String name, String base, String argument) throws Exception {
        Path work = scriptFolder();
        Files.createDirectories(SHOTS);
        return new ProcessBuilder("node", work.resolve(name).toString(), base, SHOTS.toString(), argument).directory(work.toFile())
                .redirectErrorStream(true).start();
    }

    /** The folder the scripts of {@code src/test/e2e} run in, beside playwright-core (fetched with npm once). */
    public static Path scriptFolder() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), "the browser test needs Debian's chromium at " + CHROMIUM + " (apt-get install chromium; .ci/run does)");
        Path work = Path.of("target", "e2e").toAbsolutePath();
        Files.createDirectories(work);
        synchronized (BrowserTest.class) {
            if (!Files.isDirectory(work.resolve("node_modules/playwright-core"))) {
                Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--no-save", "--prefix", work.toString(), PLAYWRIGHT)
                        .directory(work.toFile()).redirectErrorStream(true).start();
                String said = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(0, npm.waitFor(), "npm install " + PLAYWRIGHT + " failed:\n" + said);
            }
            try (Stream<Path> scripts = Files.list(Path.of("src/test/e2e"))) {
                for (Path script : scripts.toList()) {
                    Files.copy(script, work.resolve(script.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return work;
    }
}
