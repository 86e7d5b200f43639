package vn.ioc.warehouse.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.engine.EngineLibrary;
import vn.ioc.warehouse.schema.MigrationRunner;
import vn.ioc.warehouse.server.WarehouseServer;

import java.util.concurrent.CountDownLatch;

/** {@code ioc warehouse ...}: serve the embedded ClickHouse, or apply the schema to any ClickHouse. */
@Command(name = "warehouse", mixinStandardHelpOptions = true, description = "The ClickHouse warehouse.",
        subcommands = {WarehouseCommand.Start.class, WarehouseCommand.Migrate.class, WarehouseCommand.ClusterSchema.class})
final class WarehouseCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Serve the embedded ClickHouse engine over ClickHouse's HTTP interface until stopped (Ctrl-C or SIGTERM).")
    static final class Start implements Runnable {
        @Mixin
        ServeOptions serve;

        @Override
        public void run() {
            WarehouseServer server = WarehouseServer.start(serve.toServerOptions(),
                    EngineLibrary.fromEnvironment(System.err::println).resolve(), System.err::println);
            serveUntilStopped(server);
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Apply the schema migrations to the ClickHouse at IOC_WAREHOUSE_URL (as IOC_WAREHOUSE_USER).")
    static final class Migrate implements Runnable {
        @Override
        public void run() {
            WarehouseConnection connection = WarehouseConnection.fromEnvironment();
            new MigrationRunner(connection).migrate().forEach(applied -> System.out.println("applied " + applied));
            System.out.println("schema is current on " + connection.url());
        }
    }

    @Command(name = "cluster-schema", mixinStandardHelpOptions = true,
            description = "Print the schema for a ClickHouse cluster (ON CLUSTER, Replicated engines, Distributed tables).")
    static final class ClusterSchema implements Runnable {
        @Option(names = "--cluster", description = "cluster name (default: ${DEFAULT-VALUE})", defaultValue = "ioc")
        String cluster;

        @Override
        public void run() {
            vn.ioc.warehouse.schema.Migrations.load().forEach(migration -> {
                System.out.println("-- " + migration.id());
                migration.clusterStatements(cluster).forEach(statement -> System.out.println(statement + ";\n"));
            });
        }
    }

    /** Blocks until the JVM is asked to stop, then closes the server so that the engine shuts down cleanly. */
    static void serveUntilStopped(WarehouseServer server) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "warehouse-shutdown"));
        System.out.println("ready: " + server.url());
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
