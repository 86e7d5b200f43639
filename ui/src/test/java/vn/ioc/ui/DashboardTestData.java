package vn.ioc.ui;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.test.context.DynamicPropertyRegistry;
import vn.ioc.analytics.AnalyticsFixture;
import vn.ioc.datasets.units.SharedReferenceData;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.server.TestWarehouse;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard's tests run over the analytics fixture: tiny generated extracts of four provinces (01, 08, 48, 79)
 * ingested by the real Spark jobs into the real embedded warehouse, KPI store built; read as the read-only user.
 */
public final class DashboardTestData {
    public static final String BOUNDARIES = "boundaries/provinces_34_thanglequoc_v4.2.0.geojson";

    private DashboardTestData() {
    }

    public static AnalyticsFixture fixture() {
        return AnalyticsFixture.get();
    }

    public static void register(DynamicPropertyRegistry registry) {
        fixture();
        WarehouseConnection reader = TestWarehouse.reader("analytics_test");
        registry.add("ioc.warehouse.url", reader::url);
        registry.add("ioc.warehouse.user", reader::user);
        registry.add("ioc.warehouse.password", reader::password);
        registry.add("ioc.demo-users", () -> "true");
        registry.add("ioc.scenarios", () -> temporary("ioc-scenarios").toString());
        registry.add("ioc.alerts.folder", () -> temporary("ioc-alerts").toString());
        registry.add("ioc.device-key-file", () -> temporary("ioc-device").resolve("device.key").toString());
        registry.add("ioc.walls", () -> Path.of("src/test/resources/walls.json").toAbsolutePath().toString());
        registry.add("ioc.boundaries", () -> SharedReferenceData.locate(Optional.empty()).orElseThrow().root().resolve(BOUNDARIES).toString());
    }

    /** A real SMTP server (GreenMail) on a free loopback port, started, with the dashboard's mail settings pointed at it. */
    public static GreenMail smtp(DynamicPropertyRegistry registry) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> port);
        return smtp;
    }

    /** As {@link #register}, with the warehouse reached through a relay the test can cut and restore. */
    public static Relay registerBehindRelay(DynamicPropertyRegistry registry) throws IOException {
        register(registry);
        WarehouseConnection reader = TestWarehouse.reader("analytics_test");
        int port = URI.create(reader.url().substring("jdbc:".length())).getPort();
        Relay relay = new Relay(port);
        registry.add("ioc.warehouse.url", () -> reader.url().replace(":" + port + "/", ":" + relay.port() + "/"));
        return relay;
    }

    /** A fresh folder (for saved scenarios, the devices' key), one per test context. */
    private static Path temporary(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The period the fixture's facts are for, as a period code ({@code 2026-10}). */
    public static String period() {
        return AnalyticsFixture.PERIOD.toString().substring(0, 7);
    }

    /** {@code ioc serve} in a child JVM, as the launcher runs it, over the fixture's warehouse (read-only user) in its environment. */
    public static Process serve(List<String> arguments) throws IOException {
        fixture();
        WarehouseConnection reader = TestWarehouse.reader("analytics_test");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(System.getProperty("ioc.jvm.flags", "").split(" ")));
        command.removeIf(String::isBlank);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "vn.ioc.warehouse.cli.Ioc", "serve"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("IOC_WAREHOUSE_URL", reader.url());
        builder.environment().put("IOC_WAREHOUSE_USER", reader.user());
        builder.environment().put("IOC_WAREHOUSE_PASSWORD", reader.password());
        builder.environment().put("IOC_ALERTS_FOLDER", temporary("ioc-alerts").toString());
        return builder.start();
    }
}
