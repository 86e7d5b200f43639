package vn.ioc.ingest.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.ioc.ingest.spark.LocalSparkCluster;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ioc spark start|stop|status}: Spark's standalone master and workers on 127.0.0.1, for the ingest jobs. */
@Command(name = "spark", mixinStandardHelpOptions = true,
        description = "Spark's own standalone cluster on 127.0.0.1 (a master on " + LocalSparkCluster.MASTER_URL + ", web UI on port "
                + LocalSparkCluster.MASTER_UI_PORT + ", and workers of one core), from the Spark jars the build has; "
                + "`ioc ingest --master " + LocalSparkCluster.MASTER_URL + "` runs the jobs there.",
        subcommands = {SparkCommand.Start.class, SparkCommand.Stop.class, SparkCommand.Status.class})
final class SparkCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static LocalSparkCluster local(Path data) {
        return new LocalSparkCluster(data, System.err::println);
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Start the master and the workers not running; wait until the master has them.")
    static final class Start implements Runnable {
        @Option(names = "--data", description = "logs, PIDs and work folders (default: ${DEFAULT-VALUE})", defaultValue = "var/spark")
        Path data;

        @Option(names = "--workers", description = "workers of one core each (default: ${DEFAULT-VALUE})", defaultValue = "2")
        int workers;

        @Option(names = "--worker-memory", description = "memory each worker gives its executors, MB (default: ${DEFAULT-VALUE})", defaultValue = "2048")
        int memory;

        @Override
        public void run() {
            local(data).start(workers, memory);
            System.out.println("Spark master at " + LocalSparkCluster.MASTER_URL + " (web UI http://127.0.0.1:" + LocalSparkCluster.MASTER_UI_PORT + ")");
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the workers and the master by their recorded PIDs.")
    static final class Stop implements Runnable {
        @Option(names = "--data", description = "the cluster's folder (default: ${DEFAULT-VALUE})", defaultValue = "var/spark")
        Path data;

        @Override
        public void run() {
            local(data).stop();
            System.out.println("Spark stopped");
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Each process, running or not, and the workers the master has. Exit 0 when all run.")
    static final class Status implements Callable<Integer> {
        @Option(names = "--data", description = "the cluster's folder (default: ${DEFAULT-VALUE})", defaultValue = "var/spark")
        Path data;

        @Override
        public Integer call() {
            LocalSparkCluster cluster = local(data);
            boolean all = true;
            for (LocalSparkCluster.ProcessStatus status : cluster.status()) {
                System.out.printf("%-10s %-8s %s  (log %s)%n", status.role(), status.pid().map(String::valueOf).orElse("-"),
                        status.pid().isPresent() ? "running" : "stopped", cluster.log(status.role()));
                all &= status.pid().isPresent();
            }
            int workers = cluster.aliveWorkers();
            System.out.println("workers alive at the master: " + workers);
            return all && workers > 0 ? 0 : 1;
        }
    }
}
