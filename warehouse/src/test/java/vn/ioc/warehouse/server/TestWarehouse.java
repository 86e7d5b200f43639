package vn.ioc.warehouse.server;

import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.engine.EngineLibrary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * One real warehouse per test JVM: the engine starts once per process, so test classes share it.
 * Each test works in a database of its own.
 */
public final class TestWarehouse {
    private static WarehouseServer server;

    private TestWarehouse() {
    }

    public static synchronized WarehouseServer server() {
        if (server == null) {
            try {
                Path data = Files.createTempDirectory("ioc-test-warehouse-");
                server = WarehouseServer.start(ServerOptions.defaults(data).withPort(0), library(), System.err::println);
                Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    public static Path library() {
        return EngineLibrary.fromEnvironment(System.err::println).resolve();
    }

    public static WarehouseConnection writer(String database) {
        return server().connection(WarehouseUsers.WRITER, database);
    }

    public static WarehouseConnection reader(String database) {
        return server().connection(WarehouseUsers.READER, database);
    }

    /** Creates (or empties) a database for one test class. */
    public static String freshDatabase(String name) {
        post(WarehouseUsers.WRITER, "", "DROP DATABASE IF EXISTS " + name);
        post(WarehouseUsers.WRITER, "", "CREATE DATABASE " + name);
        return name;
    }

    public static HttpResponse<String> post(String user, String urlQuery, String body) {
        return send(HttpRequest.newBuilder(uri(urlQuery)).header("Authorization", basic(user))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static URI uri(String urlQuery) {
        return URI.create(server().url() + "/" + (urlQuery.isEmpty() ? "" : "?" + urlQuery));
    }

    public static String basic(String user) {
        String credentials = user + ":" + server().users().password(user);
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
