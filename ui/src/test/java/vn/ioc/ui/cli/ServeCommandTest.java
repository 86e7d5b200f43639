package vn.ioc.ui.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import vn.ioc.ui.DashboardTestData;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ioc serve} in a child JVM, as the launcher runs it: over the warehouse of the environment, with a users file of bcrypt hashes. */
class ServeCommandTest {
    private static Process serve(List<String> arguments) throws Exception {
        return DashboardTestData.serve(arguments);
    }

    private static int status(int port, String user, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/kpis"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void servesTheDashboardWithTheUsersOfAFile(@TempDir Path folder) throws Exception {
        Path users = folder.resolve("users.properties");
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("mật khẩu đủ dài");
        Files.writeString(users, "hue = leader:46:" + hash + "\n", StandardCharsets.UTF_8);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process dashboard = serve(List.of("--users", users.toString(), "--port", Integer.toString(port), "--device-key", folder.resolve("device.key").toString(),
                "--scenarios", folder.resolve("scenarios").toString()));
        try (BufferedReader output = new BufferedReader(new InputStreamReader(dashboard.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            String line;
            while ((line = output.readLine()) != null && !line.startsWith("ready")) {
                seen.append(line).append('\n');
            }
            assertTrue(line != null, "the dashboard started:\n" + seen);
            assertTrue(seen.toString().contains("dashboard: http://127.0.0.1:" + port + "/"), seen.toString());
            assertEquals(200, status(port, "hue", "mật khẩu đủ dài"));
            assertEquals(401, status(port, "hue", "wrong"));
            assertEquals(401, status(port, "hanoi", "demo-hanoi"), "no demo users when a users file is given");
        } finally {
            dashboard.destroy();
            dashboard.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void refusesToStartWithoutUsersOrWithPlainPasswords(@TempDir Path folder) throws Exception {
        Process noUsers = serve(List.of());
        String said = new String(noUsers.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(noUsers.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, noUsers.exitValue(), said);
        assertTrue(said.contains("give --users FILE, or --demo-users"), said);

        Path users = folder.resolve("users.properties");
        Files.writeString(users, "hue = leader:46:plain-text\n", StandardCharsets.UTF_8);
        Process plain = serve(List.of("--users", users.toString(), "--port", "0"));
        said = new String(plain.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(plain.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, plain.exitValue(), said);
        assertTrue(said.contains("users file " + users + ", user hue: the password must be a {bcrypt} hash"), said);
    }
}
