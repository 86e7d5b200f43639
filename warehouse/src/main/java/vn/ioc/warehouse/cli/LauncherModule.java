package vn.ioc.warehouse.cli;

import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.server.WarehouseServer;

import java.io.PrintStream;
import java.util.List;

/**
 * What a module adds to the {@code ioc} launcher, found with {@link java.util.ServiceLoader}: so that
 * each module keeps its commands beside its code and the launcher needs no module above it.
 */
public interface LauncherModule {
    /** Top-level commands (picocli {@code @Command} objects), e.g. {@code generate}. */
    default List<Object> commands() {
        return List.of();
    }

    /** Subcommands of {@code ioc bench}. */
    default List<Object> benchmarks() {
        return List.of();
    }

    /** Steps {@code ioc demo} runs, in module order, once the warehouse is up and its schema current. */
    default List<DemoStep> demoSteps() {
        return List.of();
    }

    /** Called once facts were loaded into the warehouse (by {@code ioc ingest}), to rebuild what is derived from them. */
    default void factsLoaded(WarehouseConnection writer, PrintStream out) {
    }

    /** One step of the demo. */
    @FunctionalInterface
    interface DemoStep {
        void run(WarehouseServer server, PrintStream out);
    }
}
