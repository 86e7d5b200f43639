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
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in a real browser: Debian's chromium driven by playwright-core (fetched with npm into target/) runs
 * {@code src/test/e2e/dashboard.mjs}: sign in, drill province to commune, switch language, phone width; screenshots
 * in {@code target/screenshots}.
 */
@SpringBootTest(classes = IocDashboard.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserTest {
    private static final String PLAYWRIGHT = "playwright-core@1.65.1";
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void warehouse(DynamicPropertyRegistry registry) {
        DashboardTestData.register(registry);
    }

    @Test
    void signInDrillDownSwitchLanguage() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), "the browser test needs Debian's chromium at " + CHROMIUM + " (apt-get install chromium; .ci/run does)");
        Path work = Path.of("target", "e2e").toAbsolutePath();
        Path shots = Path.of("target", "screenshots").toAbsolutePath();
        Files.createDirectories(work);
        Files.createDirectories(shots);
        if (!Files.isDirectory(work.resolve("node_modules/playwright-core"))) {
            run(work, List.of("npm", "install", "--no-audit", "--no-fund", "--no-save", "--prefix", work.toString(), PLAYWRIGHT), 300);
        }
        Path script = work.resolve("dashboard.mjs");
        Files.copy(Path.of("src/test/e2e/dashboard.mjs"), script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String output = run(work, List.of("node", script.toString(), "http://127.0.0.1:" + port, shots.toString(), "01"), 300);
        assertTrue(output.contains("ok:"), output);
        for (String shot : List.of("1-overview-vi", "2-province-vi", "3-commune-vi", "4-commune-en", "5-refused-en", "6-map-en", "7-overview-phone")) {
            assertTrue(Files.size(shots.resolve(shot + ".png")) > 10_000, shot + " saved");
        }
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
