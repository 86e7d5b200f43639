package vn.ioc.ui.cli;

import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.ioc.ui.IocDashboard;
import vn.ioc.ui.access.DashboardUsers;
import vn.ioc.ui.wall.WallPlaylists;
import vn.ioc.warehouse.WarehouseConnection;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Starts the dashboard (Spring Boot, in this JVM) over a warehouse connection. */
final class Dashboard {
    /** {@code users}: a users file, or empty for the demo's users. */
    record Options(WarehouseConnection warehouse, String host, int port, Optional<Path> users, Optional<Path> boundaries, Path scenarios,
                   Optional<Path> walls, Path deviceKey) {
        /** Where planners' scenarios are kept unless told otherwise. */
        static final Path SCENARIOS = Path.of("var", "scenarios");
        /** Where the key that signs wall devices' cookies is kept unless told otherwise. */
        static final Path DEVICE_KEY = Path.of("var", "device.key");

        /** The defaults of what a demo does not choose: no users file, the built-in wall playlist. */
        static Options local(WarehouseConnection warehouse, int port, Optional<Path> boundaries) {
            return new Options(warehouse, "127.0.0.1", port, Optional.empty(), boundaries, SCENARIOS, Optional.empty(), DEVICE_KEY);
        }
    }

    private Dashboard() {
    }

    static ConfigurableApplicationContext start(Options options) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", options.port());
        properties.put("server.address", options.host());
        properties.put("ioc.warehouse.url", options.warehouse().url());
        properties.put("ioc.warehouse.user", options.warehouse().user());
        properties.put("ioc.warehouse.password", options.warehouse().password());
        options.users().ifPresentOrElse(file -> properties.put("ioc.users-file", file.toString()), () -> properties.put("ioc.demo-users", true));
        options.boundaries().ifPresent(file -> properties.put("ioc.boundaries", file.toString()));
        properties.put("ioc.scenarios", options.scenarios().toString());
        options.walls().ifPresent(file -> properties.put("ioc.walls", file.toString()));
        properties.put("ioc.device-key-file", options.deviceKey().toString());
        return new SpringApplicationBuilder(IocDashboard.class).bannerMode(Banner.Mode.OFF).properties(properties).run();
    }

    static void printAccess(Options options, PrintStream out) {
        out.println("dashboard: http://" + (options.host().equals("0.0.0.0") ? "localhost" : options.host()) + ":" + options.port() + "/");
        out.println("  JSON API: /api/kpis, /api/values/{kpi}, /api/series/{kpi}, /api/rankings/{kpi} (HTTP Basic); OpenAPI: /v3/api-docs");
        out.println("  wall screens: /wall/<playlist>" + (options.walls().isEmpty() ? " (built in: /wall/" + WallPlaylists.BUILT_IN.id() + ")" : "")
                + "; planning: /planning/vaccines, /planning/schools");
        if (options.users().isEmpty()) {
            out.println("  demo users (user / password / role):");
            for (String[] user : DashboardUsers.DEMO) {
                out.printf("    %-8s %-14s %s%n", user[0], DashboardUsers.demoPassword(user[0]), user[1] + (user[2].isEmpty() ? "" : " of province " + user[2]));
            }
        }
    }
}
