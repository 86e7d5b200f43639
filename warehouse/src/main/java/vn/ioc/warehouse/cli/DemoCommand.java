package vn.ioc.warehouse.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.ioc.warehouse.engine.EngineLibrary;
import vn.ioc.warehouse.live.DruidEndpoint;
import vn.ioc.warehouse.live.LocalDruid;
import vn.ioc.warehouse.schema.MigrationRunner;
import vn.ioc.warehouse.server.ServerOptions;
import vn.ioc.warehouse.server.WarehouseServer;
import vn.ioc.warehouse.server.WarehouseUsers;

import java.nio.file.Path;
import java.util.ServiceLoader;

/** {@code ioc demo}: the whole product on this machine with its embedded default warehouse. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The whole product on this machine: the embedded warehouse, demo data generated and ingested, the dashboard.")
public final class DemoCommand implements Runnable {
    /** Set while the demo runs with {@code --live}: the demo steps that feed the live stream look for it. */
    public static final String LIVE_PROPERTY = "ioc.demo.live";

    @Mixin
    ServeOptions serve;

    @Option(names = "--live", description = "also start a local Apache Druid (in var/druid) and replay the last day's public-service "
            + "applications into it 60 times faster than they happened, for the Live page and the walls' live slides")
    boolean live;

    @Override
    public void run() {
        if (live) {
            DruidEndpoint druid = new LocalDruid(Path.of("var", "druid"), System.err::println).start();
            System.setProperty("ioc.live.druid-url", druid.sql().toString());
            System.setProperty(LIVE_PROPERTY, "true");
        }
        ServerOptions options = serve.toServerOptions();
        WarehouseServer server = WarehouseServer.start(options, EngineLibrary.fromEnvironment(System.err::println).resolve(), System.err::println);
        new MigrationRunner(server.connection(WarehouseUsers.WRITER, "ioc")).migrate().forEach(id -> System.out.println("schema: applied " + id));
        for (LauncherModule module : ServiceLoader.load(LauncherModule.class)) {
            module.demoSteps().forEach(step -> step.run(server, System.out));
        }
        System.out.println("""
                IOC demo: the warehouse (ClickHouse %s, embedded) serves ClickHouse's HTTP interface
                  JDBC:   %s  (users %s for writing, %s read-only)
                  curl:   curl -u %s:PASSWORD '%s/?query=SELECT+version()'
                  passwords: %s
                  data:   %s
                Stop with Ctrl-C.""".formatted(
                server.engine().version(), server.jdbcUrl("ioc"), WarehouseUsers.WRITER, WarehouseUsers.READER,
                WarehouseUsers.READER, server.url(),
                server.users().file().map(Object::toString).orElse("from the environment"), server.dataDirectory().root()));
        WarehouseCommand.serveUntilStopped(server);
    }
}
