package vn.ioc.warehouse.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import vn.ioc.warehouse.engine.EngineLibrary;
import vn.ioc.warehouse.schema.MigrationRunner;
import vn.ioc.warehouse.server.ServerOptions;
import vn.ioc.warehouse.server.WarehouseServer;
import vn.ioc.warehouse.server.WarehouseUsers;

import java.util.ServiceLoader;

/** {@code ioc demo}: the whole product on this machine with its embedded default warehouse. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The whole product on this machine: the embedded warehouse, demo data generated and ingested, the dashboard.")
final class DemoCommand implements Runnable {
    @Mixin
    ServeOptions serve;

    @Override
    public void run() {
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
