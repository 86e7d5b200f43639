package vn.ioc.ui.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.ioc.ui.access.DashboardUsers;
import vn.ioc.ui.wall.WallPlaylists;
import vn.ioc.warehouse.WarehouseConnection;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** {@code ioc serve}: the dashboard over a running warehouse or any ClickHouse (IOC_WAREHOUSE_URL, _USER, _PASSWORD). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the dashboard over the ClickHouse at IOC_WAREHOUSE_URL (user IOC_WAREHOUSE_USER, password IOC_WAREHOUSE_PASSWORD).")
final class ServeCommand implements Runnable {
    @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE})", defaultValue = "8080")
    int port;

    @Option(names = "--host", description = "address to listen on (default: ${DEFAULT-VALUE})", defaultValue = "127.0.0.1")
    String host;

    @Option(names = "--users", description = "users file: name = role[:province]:{bcrypt}hash per line (roles viewer, leader, planner, admin)")
    Path users;

    @Option(names = "--demo-users", description = "sign in with the demo's users instead (loopback only)")
    boolean demoUsers;

    @Option(names = "--boundaries", description = "province boundaries, GeoJSON with a 'code' property (default: tiles)")
    Path boundaries;

    @Option(names = "--scenarios", description = "folder of the planners' saved scenarios (default: ${DEFAULT-VALUE})", defaultValue = "var/scenarios")
    Path scenarios;

    @Option(names = "--walls", description = "wall playlists, JSON (default: the built-in playlist 'tong-quan')")
    Path walls;

    @Option(names = "--device-key", description = "key signing wall devices' cookies, made if missing (default: ${DEFAULT-VALUE})", defaultValue = "var/device.key")
    Path deviceKey;

    @Override
    public void run() {
        if (users == null && !demoUsers) {
            throw new IllegalArgumentException("give --users FILE, or --demo-users to sign in with the demo's users");
        }
        if (users == null && !host.equals("127.0.0.1") && !host.equals("localhost")) {
            throw new IllegalArgumentException("the demo users' passwords are public: serve them on loopback only, or give --users FILE");
        }
        if (users != null) {
            DashboardUsers.read(users);
        }
        if (walls != null) {
            WallPlaylists.read(walls);
        }
        Dashboard.Options options = new Dashboard.Options(WarehouseConnection.fromEnvironment(), host, port, Optional.ofNullable(users),
                Optional.ofNullable(boundaries), scenarios, Optional.ofNullable(walls), deviceKey);
        Dashboard.start(options);
        Dashboard.printAccess(options, System.out);
        System.out.println("ready; stop with Ctrl-C");
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
