package vn.ioc.warehouse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.ioc.warehouse.live.DruidEndpoint;
import vn.ioc.warehouse.live.LocalDruid;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ioc druid start|stop|status}: the local single-machine Apache Druid that serves the live view. */
@Command(name = "druid", mixinStandardHelpOptions = true,
        description = "A local Apache Druid 33 (ZooKeeper, coordinator-overlord, broker, historical, indexer) on 127.0.0.1, on a JDK 17 or 21, "
                + "for development, tests and the demo. A province's own Druid is used instead when IOC_DRUID_URL is set.",
        subcommands = {DruidCommand.Start.class, DruidCommand.Stop.class, DruidCommand.Status.class})
final class DruidCommand implements Runnable {
    /** Where the demo's Druid keeps its state and logs. */
    static final Path DEFAULT_DATA = Path.of("var", "druid");

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static LocalDruid local(Path data) {
        return new LocalDruid(data, System.err::println);
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start the processes that are not running (fetching Druid's jars on first use) and wait until all are healthy.")
    static final class Start implements Runnable {
        @Option(names = "--data", description = "state, deep storage and logs (default: ${DEFAULT-VALUE})", defaultValue = "var/druid")
        Path data;

        @Override
        public void run() {
            DruidEndpoint endpoint = local(data).start();
            System.out.println("Druid SQL at " + endpoint.sql() + "/druid/v2/sql, tasks at " + endpoint.tasks() + "/druid/indexer/v1/task");
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the cluster's processes by their recorded PIDs; the data stays.")
    static final class Stop implements Runnable {
        @Option(names = "--data", description = "the cluster's data folder (default: ${DEFAULT-VALUE})", defaultValue = "var/druid")
        Path data;

        @Override
        public void run() {
            local(data).stop();
            System.out.println("Druid stopped");
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Each process: running or not, healthy or not. Exit 0 when all are healthy.")
    static final class Status implements Callable<Integer> {
        @Option(names = "--data", description = "the cluster's data folder (default: ${DEFAULT-VALUE})", defaultValue = "var/druid")
        Path data;

        @Override
        public Integer call() {
            LocalDruid druid = local(data);
            boolean allHealthy = true;
            for (LocalDruid.ProcessStatus status : druid.status()) {
                String state = status.pid().isEmpty() ? "stopped" : status.healthy() ? "healthy" : "running, not healthy";
                System.out.printf("%-12s 127.0.0.1:%-5d %-8s %s  (log %s)%n", status.role(), status.port(),
                        status.pid().map(String::valueOf).orElse("-"), state, druid.log(status.role()));
                allHealthy &= status.healthy();
            }
            return allHealthy ? 0 : 1;
        }
    }
}
