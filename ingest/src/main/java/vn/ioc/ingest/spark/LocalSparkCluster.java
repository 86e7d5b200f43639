package vn.ioc.ingest.spark;

import vn.ioc.warehouse.process.Loopback;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
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
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Spark's own standalone cluster on 127.0.0.1, from the Spark jars the build already has (no Spark distribution): a
 * master on {@value #MASTER_PORT} (web UI {@value #MASTER_UI_PORT}) and one or more workers (one core each), each a
 * JVM of its own started as this one was, with its PID, log and work folder under {@code home}. The same ingest jobs
 * run there with {@code --master spark://127.0.0.1:7077}, their executors launched by the workers.
 */
public final class LocalSparkCluster {
    public static final int MASTER_PORT = 7077;
    public static final int MASTER_UI_PORT = 8090;
    public static final String MASTER_URL = "spark://127.0.0.1:" + MASTER_PORT;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");

    private final Path home;
    private final Consumer<String> progress;

    /** One process: its role ({@code master}, {@code worker-1}...), PID if alive. */
    public record ProcessStatus(String role, Optional<Long> pid) {
    }

    public LocalSparkCluster(Path home, Consumer<String> progress) {
        this.home = requireNonNull(home, "home").toAbsolutePath().normalize();
        this.progress = requireNonNull(progress, "progress");
    }

    /** Starts the master and {@code workers} workers that are not running, and waits until the master has them all. */
    public void start(int workers, int workerMemoryMb) {
        if (workers < 1 || workers > 8) {
            throw new IllegalArgumentException("workers must be 1 to 8, not " + workers);
        }
        if (running("master").isEmpty()) {
            if (Loopback.answers(MASTER_PORT)) {
                throw new IllegalStateException("port " + MASTER_PORT + " on 127.0.0.1 is taken by another program (another Spark master?)");
            }
            Loopback.awaitFree(MASTER_PORT, Duration.ofSeconds(90), "the Spark master");
            launch("master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", Integer.toString(MASTER_PORT),
                    "--webui-port", Integer.toString(MASTER_UI_PORT)));
            await("the master on " + MASTER_URL, () -> Loopback.answers(MASTER_PORT));
        }
        for (int i = 1; i <= workers; i++) {
            String role = "worker-" + i;
            if (running(role).isEmpty()) {
                launch(role, List.of("org.apache.spark.deploy.worker.Worker", MASTER_URL, "--host", "127.0.0.1", "--cores", "1",
                        "--memory", workerMemoryMb + "m", "--work-dir", home.resolve("work").resolve(role).toString(), "--webui-port", "0"));
            }
        }
        await(workers + " worker(s) registered with the master", () -> aliveWorkers() >= workers);
    }

    /** Stops the workers, then the master, by their recorded PIDs. */
    public void stop() {
        List<String> roles = new ArrayList<>(roles());
        roles.remove("master");
        roles.add("master");
        for (String role : roles) {
            running(role).ifPresent(process -> {
                progress.accept("stopping spark " + role + " (pid " + process.pid() + ")");
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                Instant deadline = Instant.now().plus(STOP_TIMEOUT);
                while (process.isAlive() && Instant.now().isBefore(deadline)) {
                    Loopback.pause(200);
                }
                if (process.isAlive()) {
                    process.destroyForcibly();
                }
            });
            try {
                Files.deleteIfExists(pidFile(role));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + pidFile(role), e);
            }
        }
    }

    public List<ProcessStatus> status() {
        return roles().stream().map(role -> new ProcessStatus(role, running(role).map(ProcessHandle::pid))).toList();
    }

    /** Workers the master counts alive, from its web UI's JSON; 0 when it does not answer. */
    public int aliveWorkers() {
        try {
            var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            String json = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + MASTER_UI_PORT + "/json/"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher alive = ALIVE_WORKERS.matcher(json);
            return alive.find() ? Integer.parseInt(alive.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    public Path log(String role) {
        return home.resolve("log").resolve(role + ".log");
    }

    /** The roles with a PID file: the master and the workers started. */
    private List<String> roles() {
        Path run = home.resolve("run");
        if (!Files.isDirectory(run)) {
            return List.of();
        }
        try (var files = Files.list(run)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".pid"))
                    .map(name -> name.substring(0, name.length() - 4)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + run, e);
        }
    }

    private void launch(String role, List<String> main) {
        try {
            for (String folder : List.of("log", "run", "tmp", "home/jars", "home/conf", "work")) {
                Files.createDirectories(home.resolve(folder));
            }
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
                command.add("/usr/bin/setsid"); // its own session: a Ctrl-C on the starting command does not reach it
            }
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmFlags());
            command.addAll(List.of("-Xmx512m", "-Djava.io.tmpdir=" + home.resolve("tmp"), marker(), "-cp", System.getProperty("java.class.path")));
            command.addAll(main);
            ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log(role).toFile()));
            // A worker builds its executors' command from a Spark home: one with an empty jars folder, the executors'
            // classes coming from the application's class path (see LocalSpark).
            builder.environment().put("SPARK_HOME", home.resolve("home").toString());
            builder.environment().put("SPARK_SCALA_VERSION", scala.util.Properties.versionNumberString().replaceAll("^(\\d+\\.\\d+).*", "$1"));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process process = builder.start();
            Files.writeString(pidFile(role), process.pid() + " " + process.info().startInstant().map(Instant::toEpochMilli).orElse(0L) + "\n",
                    StandardCharsets.UTF_8);
            progress.accept("started spark " + role + " (pid " + process.pid() + ", log " + log(role) + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start spark " + role + ": " + e.getMessage(), e);
        }
    }

    /** The options this JVM was started with that Spark needs on Java 25 (module access, native access). */
    static List<String> jvmFlags() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(flag -> flag.startsWith("--add-opens") || flag.startsWith("--add-exports") || flag.startsWith("--enable-native-access")
                        || flag.startsWith("--sun-misc-unsafe-memory-access") || flag.startsWith("-Djdk.reflect") || flag.startsWith("-Dio.netty")
                        || flag.equals("-XX:-DontCompileHugeMethods"))
                .toList();
    }

    /**
     * A role's process while it runs: the PID recorded, if that process is still the one started (same start time; a
     * class path this long is too long for the process's arguments to be read back).
     */
    private Optional<ProcessHandle> running(String role) {
        Path pidFile = pidFile(role);
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            String[] recorded = Files.readString(pidFile).strip().split(" ");
            long started = recorded.length > 1 ? Long.parseLong(recorded[1]) : -1;
            return ProcessHandle.of(Long.parseLong(recorded[0])).filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().startInstant().map(Instant::toEpochMilli).orElse(0L) == started);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String marker() {
        return "-Dioc.spark.home=" + home;
    }

    private Path pidFile(String role) {
        return home.resolve("run").resolve(role + ".pid");
    }

    private void await(String what, BooleanSupplier ready) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!ready.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("spark: " + what + " not ready within " + START_TIMEOUT.toSeconds() + " s (logs in " + home.resolve("log") + ")");
            }
            Loopback.pause(500);
        }
        progress.accept("spark: " + what + ": ready");
    }
}
