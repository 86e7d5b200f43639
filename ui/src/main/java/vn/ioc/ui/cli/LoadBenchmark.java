package vn.ioc.ui.cli;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.ioc.analytics.cli.AnalyticsBenchmark;
import vn.ioc.analytics.cli.NationalWarehouse;
import vn.ioc.ui.base.ViewBuildTimes;
import vn.ioc.ui.load.GatlingRun;
import vn.ioc.ui.load.LoadPlan;
import vn.ioc.warehouse.process.Cores;
import vn.ioc.warehouse.server.WarehouseServer;
import vn.ioc.warehouse.server.WarehouseUsers;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ioc bench load}: many sessions on the dashboard at national scale, driven by Gatling at the protocol level
 * ({@link vn.ioc.ui.load.DashboardLoad}), the server (dashboard and warehouse, this JVM) on one core and the load
 * generator on the other. Prints what the clients saw and what the server spent, then steps the session count to find
 * how many it carries with page p95 within 300 ms.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load the dashboard with many sessions (Gatling, protocol level) at national scale; server and load generator on separate cores.")
final class LoadBenchmark implements Runnable {
    static final double TARGET_MS = 300;
    private static final int WARM_UP_SESSIONS = 10;

    @Option(names = "--sessions", defaultValue = "100", description = "concurrent signed-in sessions (default: ${DEFAULT-VALUE})")
    int sessions;

    @Option(names = "--think", defaultValue = "5", description = "seconds a user reads a view before the next, on average (default: ${DEFAULT-VALUE})")
    double think;

    @Option(names = "--seconds", defaultValue = "300", description = "how long the sessions go on (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--capacity-seconds", defaultValue = "60",
            description = "how long each step of the capacity search runs with all its sessions on, after they arrive at the main run's rate; "
                    + "0 for no search (default: ${DEFAULT-VALUE})")
    int capacitySeconds;

    @Option(names = "--walls", defaultValue = "0",
            description = "wall screens (/wall/tong-quan, as the demo's wall device) connected throughout the main run, reading what the server "
                    + "pushes; with --seconds 600 --walls 20, the soak (default: ${DEFAULT-VALUE})")
    int walls;

    @Option(names = "--warm-up-seconds", defaultValue = "60",
            description = "how long 10 sessions without think time warm the server up first, not counted: a server runs all day, and its first "
                    + "minutes go to compiling its code (default: ${DEFAULT-VALUE})")
    int warmUpSeconds;

    @Option(names = "--keep", description = "keep the national warehouse in this folder, and reuse it when it is there (as `bench analytics --keep`)")
    Path keep;

    /** One run's figures, as the clients and the server had them. */
    record Measured(int sessions, int walls, int seconds, GatlingRun.Result clients, List<Double> builds, double serverCpuMsPerView, long heapBefore,
                    long heapOn, long heapAfter, long peakResidentBytes) {
        /** The views' time once all sessions were on, at {@code quantile}. */
        double p(double quantile) {
            return p(clients.views(), quantile);
        }

        boolean within() {
            return clients.errors().isEmpty() && clients.signedIn() == sessions + walls && p(0.95) <= TARGET_MS;
        }

        private static double p(List<Double> sorted, double quantile) {
            return sorted.isEmpty() ? Double.NaN : AnalyticsBenchmark.percentile(sorted, quantile);
        }

        /** How much more heap the server holds after a full collection at the end than once all sessions were on, as a share of that. */
        double heapGrowth() {
            return heapOn == 0 ? Double.NaN : (heapAfter - heapOn) / (double) heapOn;
        }

        @Override
        public String toString() {
            String wallScreens = walls == 0 ? "" : String.format(Locale.ROOT, "%n  %d wall screens connected throughout: %s updates pushed to each",
                    walls, clients.wallPushes().isEmpty() ? "none"
                            : clients.wallPushes().stream().mapToInt(Integer::intValue).min().orElse(0) + "-"
                            + clients.wallPushes().stream().mapToInt(Integer::intValue).max().orElse(0));
            long rampUp = clients.rampUp().toSeconds();
            return String.format(Locale.ROOT, "%d sessions for %d s, arriving over the first %d s: %,d views (%.1f views/s), %d errors%n"
                            + "  view as the client sees it (request to answer), once all sessions are on: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms (%,d views)%n"
                            + "  while they arrive: views p95 %.0f ms (%,d); landings (sign-in done to first view shown) p50 %.0f ms, p95 %.0f ms (%,d)%n"
                            + "  server build: p95 %.0f ms; server CPU %.1f ms per view; retained heap %,.0f kB per session; peak resident %,.0f MB%n"
                            + "  heap after a full collection: %,.0f MB before, %,.0f MB once all sessions were on, %,.0f MB at the end (%+.1f %%)%s",
                    sessions, seconds, rampUp, clients.shown(), clients.shown() / (double) (seconds + rampUp), clients.errors().size(), p(0.5), p(0.95), p(0.99),
                    clients.views().size(), p(clients.arriving(), 0.95), clients.arriving().size(), p(clients.landings(), 0.5), p(clients.landings(), 0.95),
                    clients.landings().size(),
                    builds.isEmpty() ? Double.NaN : AnalyticsBenchmark.percentile(builds, 0.95), serverCpuMsPerView,
                    Math.max(0, heapAfter - heapBefore) / (double) (sessions + walls) / 1e3, peakResidentBytes / 1e6, heapBefore / 1e6, heapOn / 1e6, heapAfter / 1e6,
                    100 * heapGrowth(), wallScreens);
        }
    }

    /** The main run and the sessions carried within the target (-1: not searched). */
    record Outcome(Measured main, int capacity) {
        String line() {
            return String.format(Locale.ROOT, "load: %d sessions, p95 %.0f ms, errors %d, capacity %s sessions at p95 <= %.0f ms", main.sessions(), main.p(0.95),
                    main.clients().errors().size(), capacity < 0 ? "(not searched)" : Integer.toString(capacity), TARGET_MS);
        }
    }

    @Override
    public void run() {
        NationalWarehouse.serve(keep, "load", server -> {
            NationalWarehouse.prepare(server, System.out);
            measure(server);
        });
    }

    /** Runs the load against a dashboard over {@code server}, printing as it goes; pins this JVM to core 0 for good. */
    Outcome measure(WarehouseServer server) throws Exception {
        OptionalInt loadCore = Cores.pinServers(List.of());
        System.out.println(loadCore.isPresent() ? "server (dashboard and warehouse) on core 0, load generator on core " + loadCore.getAsInt()
                : "one core only (or no taskset): server and load generator share the machine");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        System.setProperty("ioc.view-build-times", "true");
        Dashboard.Options options = Dashboard.Options.local(server.connection(WarehouseUsers.READER, "ioc"), port, UiLauncher.sharedBoundaries());
        try (ConfigurableApplicationContext dashboard = Dashboard.start(options)) {
            ViewBuildTimes times = dashboard.getBean(ViewBuildTimes.class);
            List<String> locations = UiBenchmark.locations(server);
            Path work = Files.createTempDirectory("ioc-bench-load-");
            int warmUpRun = Math.max(warmUpSeconds, 12);
            Measured warmUp = measure(port, WARM_UP_SESSIONS, 0.5, warmUpRun, LoadPlan.rampUpFor(warmUpRun), locations, LoadPlan.Walls.NONE,
                    work.resolve("warm-up"), loadCore, times);
            System.out.printf(Locale.ROOT, "warm-up (not counted): %d views in %d s, server CPU %.1f ms per view%n", warmUp.clients().shown(),
                    warmUp.seconds(), warmUp.serverCpuMsPerView());
            Measured main = measure(port, sessions, think, seconds, LoadPlan.rampUpFor(seconds), locations,
                    new LoadPlan.Walls(walls, "manhinh", "demo-manhinh", "/wall/tong-quan"), work.resolve("main"), loadCore, times);
            System.out.println(main);
            main.clients().errors().stream().distinct().limit(5).forEach(error -> System.out.println("  error: " + error + " (see " + main.clients().log() + ")"));
            System.out.printf(Locale.ROOT, "target: page p95 <= %.0f ms with no errors: %s%n", TARGET_MS, main.within() ? "met" : "MISSED");
            if (walls > 0) {
                boolean held = main.clients().errors().isEmpty() && main.heapGrowth() <= 0.10;
                System.out.printf(Locale.ROOT, "soak target: no errors, and the heap after a full collection at the end at most 10 %% above that once all "
                        + "sessions were on (%+.1f %%): %s%n", 100 * main.heapGrowth(), held ? "met" : "MISSED");
            }
            Outcome outcome = new Outcome(main, capacitySeconds == 0 ? -1 : capacity(port, locations, work, loadCore, times, main));
            System.out.println(outcome.line());
            return outcome;
        } finally {
            System.clearProperty("ioc.view-build-times");
        }
    }

    /**
     * Steps the session count from the main run's: doubling while within the target (halving while not) until one count
     * is within and another not, then trying halfway between them until they are within an eighth of each other. A step's
     * sessions arrive at the main run's rate (200 sessions take twice its ramp-up), and each stays on
     * {@code --capacity-seconds} beyond the last one's arrival, so that every step has that long with all its sessions on.
     */
    private int capacity(int port, List<String> locations, Path work, OptionalInt loadCore, ViewBuildTimes times, Measured main) throws Exception {
        int within = main.within() ? sessions : 0;
        int beyond = main.within() ? 0 : sessions;
        while (beyond == 0 && within * 2 <= 3200 || within == 0 && beyond > 1 || within > 0 && beyond > 0 && beyond - within > Math.max(1, within / 8)) {
            int count = beyond == 0 ? within * 2 : within == 0 ? beyond / 2 : (within + beyond) / 2;
            Duration rampUp = Duration.ofSeconds(Math.max(1, Math.round(main.clients().rampUp().toSeconds() * (double) count / sessions)));
            Measured step = measure(port, count, think, Math.toIntExact(rampUp.toSeconds()) + capacitySeconds, rampUp, locations, LoadPlan.Walls.NONE,
                    work.resolve("step-" + count), loadCore, times);
            System.out.println("capacity step: " + step.toString().lines().findFirst().orElse("") + ", p95 " + Math.round(step.p(0.95)) + " ms");
            if (step.within()) {
                within = count;
            } else {
                beyond = count;
            }
        }
        return within;
    }

    private static Measured measure(int port, int sessions, double think, int seconds, Duration rampUp, List<String> locations, LoadPlan.Walls walls,
                                    Path work, OptionalInt loadCore, ViewBuildTimes times) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        com.sun.management.OperatingSystemMXBean system = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peakResident = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> peakResident.accumulateAndGet(Cores.residentBytes(), Math::max), 0, 250, TimeUnit.MILLISECONDS);
        LoadPlan plan = new LoadPlan("http://127.0.0.1:" + port, "quocgia", "demo-quocgia", sessions, think, seconds, locations, work.resolve("figures.txt"),
                walls, rampUp);
        // The heap after a full collection once all sessions are on, to compare with the end's (the same sessions held).
        AtomicLong heapOn = new AtomicLong();
        sampler.schedule(() -> {
            System.gc();
            heapOn.set(memory.getHeapMemoryUsage().getUsed());
        }, plan.rampUp().toSeconds() + Math.min(30, seconds / 4), TimeUnit.SECONDS);
        times.drain();
        long cpuBefore = system.getProcessCpuTime();
        GatlingRun.Result clients;
        try {
            clients = GatlingRun.run(plan, work, loadCore);
        } finally {
            sampler.shutdownNow();
        }
        long cpuNanos = system.getProcessCpuTime() - cpuBefore;
        // The sessions stay on the server (until their timeout): what they hold after a full collection is theirs.
        System.gc();
        long heapAfter = memory.getHeapMemoryUsage().getUsed();
        List<Double> builds = times.drain().values().stream().flatMap(List::stream).sorted().toList();
        return new Measured(sessions, walls.count(), seconds, clients, builds, cpuNanos / 1e6 / Math.max(1, clients.shown()), heapBefore, heapOn.get(),
                heapAfter, peakResident.get());
    }
}
