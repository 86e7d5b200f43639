package vn.ioc.warehouse.server;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official JavaScript client, {@code @clickhouse/client} from npm (fetched once into {@code target/js}, not
 * patched), runs {@code src/test/js/conformance.mjs} against the embedded warehouse: ping, DDL, inserts (plain and
 * compressed), parameterised queries, JSON and streamed results, compressed answers, metadata statements, a session's
 * temporary table, and the refusals a client must be able to read.
 */
class JavaScriptClientTest {
    private static final String CLIENT = "@clickhouse/client@1.23.1";

    @Test
    void theOfficialClientPassesEveryCheck() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "js").toAbsolutePath());
        if (!Files.isDirectory(work.resolve("node_modules/@clickhouse/client"))) {
            Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--no-save", "--prefix", work.toString(), CLIENT)
                    .directory(work.toFile()).redirectErrorStream(true).start();
            String said = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, npm.waitFor(), "npm install " + CLIENT + " failed:\n" + said);
        }
        Path script = Files.copy(Path.of("src/test/js/conformance.mjs"), work.resolve("conformance.mjs"), StandardCopyOption.REPLACE_EXISTING);
        String database = TestWarehouse.freshDatabase("javascript_client_test");
        WarehouseUsers users = TestWarehouse.server().users();
        Process node = new ProcessBuilder("node", script.toString(), TestWarehouse.server().url().toString(),
                users.password(WarehouseUsers.WRITER), users.password(WarehouseUsers.READER), database)
                .directory(work.toFile()).redirectErrorStream(true).start();
        assertTrue(node.waitFor(120, TimeUnit.SECONDS), "the client's checks finished");
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.err.print(output);
        assertEquals(0, node.exitValue(), output);
        assertTrue(output.contains("javascript client: 19 of 19 checks passed"), output);
    }
}
