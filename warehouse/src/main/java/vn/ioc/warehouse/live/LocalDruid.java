package vn.ioc.warehouse.live;

import vn.ioc.warehouse.process.Loopback;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * A single-machine Apache Druid for development, tests and the demo: ZooKeeper, a coordinator that is also the
 * overlord (and hosts the Derby metadata store), a broker, a historical and an indexer, each a JVM of its own on
 * loopback, with its configuration, state, deep storage and logs in one data folder. The processes outlive the
 * command that starts them and are stopped by the PIDs recorded in the folder.
 */
public final class LocalDruid {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(40);
    private static final Duration PORT_TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> JVM_ACCESS = List.of(
            "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED");

    private final Path home;
    private final Consumer<String> progress;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One process's state: its recorded PID if it is alive, and whether it answers its health check. */
    public record ProcessStatus(String role, int port, Optional<Long> pid, boolean healthy) {
    }

    public LocalDruid(Path home, Consumer<String> progress) {
        this.home = requireNonNull(home, "home").toAbsolutePath().normalize();
        this.progress = requireNonNull(progress, "progress");
    }

    public Path home() {
        return home;
    }

    /** Starts whatever of the cluster is not running and waits until every process is healthy and the overlord leads. */
    public DruidEndpoint start() {
        Map<DruidRole, ProcessHandle> running = running();
        DruidRuntime runtime = null;
        if (running.size() < DruidRole.values().length) {
            runtime = DruidRuntime.find(progress);
            writeConfiguration();
            for (DruidRole role : DruidRole.values()) {
                if (!running.containsKey(role)) {
                    refuseTakenPort(role);
                    launch(role, runtime);
                }
            }
        }
        awaitReady(runtime);
        return DruidEndpoint.local();
    }

    /** Stops every process of the cluster (ZooKeeper last); the data folder stays for the next start. */
    public void stop() {
        Map<DruidRole, ProcessHandle> running = running();
        List<DruidRole> druid = new ArrayList<>(running.keySet());
        druid.remove(DruidRole.ZOOKEEPER);
        terminate(druid, running);
        terminate(running.containsKey(DruidRole.ZOOKEEPER) ? List.of(DruidRole.ZOOKEEPER) : List.of(), running);
    }

    public List<ProcessStatus> status() {
        Map<DruidRole, ProcessHandle> running = running();
        List<ProcessStatus> statuses = new ArrayList<>();
        for (DruidRole role : DruidRole.values()) {
            ProcessHandle process = running.get(role);
            statuses.add(new ProcessStatus(role.id(), role.port(), Optional.ofNullable(process).map(ProcessHandle::pid),
                    process != null && healthy(role)));
        }
        return statuses;
    }

    public Path log(String role) {
        return home.resolve("log").resolve(role + ".log");
    }

    private void terminate(List<DruidRole> roles, Map<DruidRole, ProcessHandle> running) {
        for (DruidRole role : roles) {
            progress.accept("stopping " + role.id() + " (pid " + running.get(role).pid() + ")");
            running.get(role).destroy();
        }
        Instant deadline = Instant.now().plus(STOP_TIMEOUT);
        for (DruidRole role : roles) {
            ProcessHandle process = running.get(role);
            while (process.isAlive() && Instant.now().isBefore(deadline)) {
                Loopback.pause(200);
            }
            if (process.isAlive()) {
                progress.accept(role.id() + " did not stop within " + STOP_TIMEOUT.toSeconds() + " s: killed");
                process.destroyForcibly();
                process.onExit().orTimeout(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
            }
            try {
                Files.deleteIfExists(pidFile(role));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + pidFile(role), e);
            }
        }
    }

    /** The cluster's processes alive now: a recorded PID counts only while it is still a JVM of this data folder. */
    private Map<DruidRole, ProcessHandle> running() {
        Map<DruidRole, ProcessHandle> running = new EnumMap<>(DruidRole.class);
        for (DruidRole role : DruidRole.values()) {
            Path pidFile = pidFile(role);
            if (!Files.exists(pidFile)) {
                continue;
            }
            try {
                long pid = Long.parseLong(Files.readString(pidFile).strip());
                ProcessHandle.of(pid)
                        .filter(ProcessHandle::isAlive)
                        .filter(process -> process.info().arguments().map(arguments -> List.of(arguments).contains(marker())).orElse(false))
                        .ifPresent(process -> running.put(role, process));
            } catch (IOException | NumberFormatException e) {
                // an unreadable PID file belongs to no running process
            }
        }
        return running;
    }

    private String marker() {
        return "-Dioc.druid.home=" + home;
    }

    private Path pidFile(DruidRole role) {
        return home.resolve("run").resolve(role.id() + ".pid");
    }

    private static List<Integer> ports(DruidRole role) {
        return role == DruidRole.COORDINATOR ? List.of(role.port(), DruidRole.DERBY_PORT) : List.of(role.port());
    }

    private void refuseTakenPort(DruidRole role) {
        for (int port : ports(role)) {
            if (Loopback.answers(port)) {
                throw new IllegalStateException("cannot start Druid's " + role.id() + ": port " + port
                        + " on 127.0.0.1 is taken by another program (another Druid? `ioc druid status --data DIR` tells)");
            }
        }
    }

    private void launch(DruidRole role, DruidRuntime runtime) {
        ports(role).forEach(port -> Loopback.awaitFree(port, PORT_TIMEOUT, "Druid's " + role.id()));
        try {
            Files.createDirectories(home.resolve("log"));
            Files.createDirectories(home.resolve("run"));
            Files.createDirectories(home.resolve("tmp"));
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
                command.add("/usr/bin/setsid"); // its own session: a Ctrl-C on the starting command does not reach it
            }
            command.add(runtime.java().toString());
            command.addAll(List.of("-Xms" + role.heapMb() + "m", "-Xmx" + role.heapMb() + "m", "-XX:+ExitOnOutOfMemoryError",
                    "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8", "-Djava.io.tmpdir=" + home.resolve("tmp"), marker()));
            if (role == DruidRole.ZOOKEEPER) {
                command.addAll(List.of("-Dzookeeper.admin.enableServer=false", "-cp", runtime.jars() + "/*",
                        "org.apache.zookeeper.server.ZooKeeperServerMain", home.resolve("conf/zookeeper/zoo.cfg").toString()));
            } else {
                command.add("-XX:MaxDirectMemorySize=256m");
                command.add("-Djava.util.logging.manager=org.apache.logging.log4j.jul.LogManager");
                command.add("-Dlog4j.configurationFile=" + home.resolve("conf/log4j2.xml"));
                command.addAll(JVM_ACCESS);
                command.addAll(List.of("-cp", home.resolve("conf/_common") + ":" + home.resolve("conf").resolve(role.id()) + ":" + runtime.jars() + "/*",
                        "org.apache.druid.cli.Main", "server", role.id()));
            }
            Path log = log(role.id());
            Process process = new ProcessBuilder(command).directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            Files.writeString(pidFile(role), process.pid() + "\n", StandardCharsets.UTF_8);
            progress.accept("started " + role.id() + " (pid " + process.pid() + ", 127.0.0.1:" + role.port() + ", log " + log + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Druid's " + role.id() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits until every process is healthy and the overlord leads. A process this start launched that dies on the way
     * (seen once on a loaded machine: the indexer, right after a restart) is launched once more before giving up.
     */
    private void awaitReady(DruidRuntime runtime) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        Instant started = Instant.now();
        Set<DruidRole> relaunched = EnumSet.noneOf(DruidRole.class);
        while (true) {
            Map<DruidRole, ProcessHandle> running = running();
            List<DruidRole> dead = new ArrayList<>();
            List<DruidRole> waiting = new ArrayList<>();
            for (DruidRole role : DruidRole.values()) {
                if (!running.containsKey(role)) {
                    dead.add(role);
                } else if (!healthy(role)) {
                    waiting.add(role);
                }
            }
            if (!dead.isEmpty() && runtime != null && Collections.disjoint(dead, relaunched)) {
                progress.accept("Druid's " + names(dead) + " stopped while starting; starting it again (see " + logTails(dead) + ")");
                for (DruidRole role : dead) {
                    launch(role, runtime);
                }
                relaunched.addAll(dead);
                continue;
            }
            if (!dead.isEmpty()) {
                throw new IllegalStateException("Druid's " + names(dead) + " stopped while starting; see " + logTails(dead));
            }
            if (waiting.isEmpty() && overlordLeads()) {
                progress.accept("Druid is ready in " + Duration.between(started, Instant.now()).toSeconds() + " s (data " + home + ")");
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Druid's " + (waiting.isEmpty() ? "overlord" : names(waiting)) + " did not become healthy within "
                        + START_TIMEOUT.toMinutes() + " min; see " + logTails(waiting.isEmpty() ? List.of(DruidRole.COORDINATOR) : waiting));
            }
            Loopback.pause(500);
        }
    }

    private static String names(List<DruidRole> roles) {
        return roles.stream().map(DruidRole::id).collect(Collectors.joining(", "));
    }

    private String logTails(List<DruidRole> roles) {
        Map<String, String> tails = new LinkedHashMap<>();
        for (DruidRole role : roles) {
            try {
                List<String> lines = Files.readAllLines(log(role.id()), StandardCharsets.UTF_8);
                tails.put(log(role.id()).toString(), String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
            } catch (IOException e) {
                tails.put(log(role.id()).toString(), "(no log)");
            }
        }
        return tails.entrySet().stream().map(e -> e.getKey() + ":\n" + e.getValue()).collect(Collectors.joining("\n"));
    }

    private boolean healthy(DruidRole role) {
        if (role == DruidRole.ZOOKEEPER) {
            return Loopback.answers(role.port());
        }
        return get(URI.create("http://127.0.0.1:" + role.port() + "/status/health")).map(body -> body.strip().equals("true")).orElse(false);
    }

    private boolean overlordLeads() {
        return get(URI.create("http://127.0.0.1:" + DruidRole.COORDINATOR.port() + "/druid/indexer/v1/isLeader")).isPresent();
    }

    /** The body of a 200 answer, or nothing when the server does not answer so. */
    private Optional<String> get(URI uri) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }


    private void writeConfiguration() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("conf/zookeeper/zoo.cfg", lines(
                "tickTime=2000", "initLimit=10", "syncLimit=5", "dataDir=" + home.resolve("zookeeper"),
                "clientPort=" + DruidRole.ZOOKEEPER.port(), "clientPortAddress=127.0.0.1", "admin.enableServer=false",
                "autopurge.snapRetainCount=3", "autopurge.purgeInterval=1"));
        files.put("conf/_common/common.runtime.properties", lines(
                "druid.extensions.loadList=[]",
                "druid.host=127.0.0.1", "druid.bindOnHost=true",
                "druid.zk.service.host=127.0.0.1:" + DruidRole.ZOOKEEPER.port(), "druid.zk.paths.base=/druid",
                "druid.metadata.storage.type=derby",
                "druid.metadata.storage.connector.connectURI=jdbc:derby://127.0.0.1:" + DruidRole.DERBY_PORT + "/metadata/derby;create=true",
                "druid.metadata.storage.connector.host=127.0.0.1", "druid.metadata.storage.connector.port=" + DruidRole.DERBY_PORT,
                "druid.storage.type=local", "druid.storage.storageDirectory=" + home.resolve("deep-storage"),
                "druid.indexer.logs.type=file", "druid.indexer.logs.directory=" + home.resolve("task-logs"),
                "druid.selectors.indexing.serviceName=druid/overlord", "druid.selectors.coordinator.serviceName=druid/coordinator",
                "druid.emitter=noop", "druid.monitoring.monitors=[]", "druid.lookup.enableLookupSyncOnStartup=false",
                "druid.startup.logging.logProperties=false", "druid.sql.enable=true",
                "druid.processing.buffer.sizeBytes=52428800", "druid.processing.numThreads=1", "druid.processing.numMergeBuffers=1",
                "druid.server.http.numThreads=12", "druid.indexing.doubleStorage=double"));
        files.put("conf/coordinator/runtime.properties", lines(
                "druid.service=druid/coordinator", "druid.plaintextPort=" + DruidRole.COORDINATOR.port(),
                "druid.coordinator.startDelay=PT5S", "druid.coordinator.period=PT5S", "druid.manager.segments.pollDuration=PT5S",
                // Auto-compaction every 10 s (30 min by default): a live feed adds small segments every few seconds.
                "druid.coordinator.period.indexingPeriod=PT10S",
                "druid.coordinator.asOverlord.enabled=true", "druid.coordinator.asOverlord.overlordService=druid/overlord",
                "druid.indexer.queue.startDelay=PT1S", "druid.indexer.storage.type=metadata",
                // Tasks go to the indexer over HTTP: a feed's batch is larger than ZooKeeper lets a node be.
                "druid.indexer.runner.type=httpRemote"));
        files.put("conf/broker/runtime.properties", lines(
                "druid.service=druid/broker", "druid.plaintextPort=" + DruidRole.BROKER.port(), "druid.broker.http.numConnections=6",
                "druid.broker.cache.useCache=false", "druid.broker.cache.populateCache=false",
                // A live page's queries go at once: two group-bys merge side by side.
                "druid.processing.numMergeBuffers=2"));
        files.put("conf/historical/runtime.properties", lines(
                "druid.service=druid/historical", "druid.plaintextPort=" + DruidRole.HISTORICAL.port(),
                "druid.segmentCache.locations=[{\"path\":\"" + home.resolve("segment-cache") + "\",\"maxSize\":\"50g\"}]",
                "druid.server.maxSize=50g", "druid.processing.numThreads=2", "druid.processing.numMergeBuffers=2",
                // Results per segment are kept for a query asked again unchanged (the live figures' filters move with the
                // stream's clock, so a new batch makes them new queries).
                "druid.historical.cache.useCache=true", "druid.historical.cache.populateCache=true", "druid.cache.type=caffeine",
                "druid.cache.sizeInBytes=67108864"));
        files.put("conf/indexer/runtime.properties", lines(
                "druid.service=druid/indexer", "druid.plaintextPort=" + DruidRole.INDEXER.port(), "druid.worker.capacity=2",
                "druid.indexer.task.baseTaskDir=" + home.resolve("tasks"), "druid.indexer.task.restoreTasksOnRestart=true"));
        files.put("conf/log4j2.xml", lines(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>",
                "<Configuration status=\"WARN\">",
                "  <Appenders><Console name=\"Console\" target=\"SYSTEM_OUT\"><PatternLayout pattern=\"%d{ISO8601} %p [%t] %c - %m%n\"/></Console></Appenders>",
                "  <Loggers>",
                "    <Root level=\"info\"><AppenderRef ref=\"Console\"/></Root>",
                "    <Logger name=\"org.apache.druid.server.coordinator\" level=\"warn\"/>",
                "    <Logger name=\"org.apache.zookeeper\" level=\"warn\"/>",
                "    <Logger name=\"org.apache.curator\" level=\"warn\"/>",
                "  </Loggers>",
                "</Configuration>"));
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = home.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Druid's configuration under " + home + ": " + e.getMessage(), e);
        }
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }
}
