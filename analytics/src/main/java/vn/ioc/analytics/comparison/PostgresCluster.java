package vn.ioc.analytics.comparison;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;

import vn.ioc.warehouse.files.FileTrees;

/**
 * A PostgreSQL from Debian's packages for a benchmark: installed with apt when missing, a new cluster in a folder of its
 * own, listening on loopback only, with a generated password; stopped when closed, and deleted unless it is kept (a
 * kept cluster is started again by the next run, with what was copied into it). Settings are those a province's
 * database administrator would give a 2-core, 24 GB reporting server.
 */
public final class PostgresCluster implements AutoCloseable {
    private static final Path INSTALLATIONS = Path.of("/usr/lib/postgresql");
    private static final String USER = "ioc";
    private static final List<String> SETTINGS = List.of("listen_addresses=127.0.0.1", "shared_buffers=4GB", "effective_cache_size=16GB",
            "work_mem=256MB", "maintenance_work_mem=2GB", "max_parallel_workers_per_gather=2", "max_wal_size=8GB", "synchronous_commit=off",
            "random_page_cost=1.1");

    private final Path bin;
    private final Path folder;
    private final Path data;
    private final int port;
    private final String password;
    private final String version;
    private final boolean kept;
    /** A benchmark stopped with Ctrl-C or a kill still stops its server (and removes its files unless kept). */
    private final Thread stopOnExit = new Thread(this::close, "stop-postgres");

    private PostgresCluster(Path bin, Path folder, Path data, int port, String password, boolean kept) {
        this.bin = bin;
        this.kept = kept;
        this.folder = folder;
        this.data = data;
        this.port = port;
        this.password = password;
        this.version = bin.getParent().getFileName().toString();
    }

    /** Installs PostgreSQL when it is missing (as root, with apt), makes a new cluster and starts it; deleted when closed. */
    public static PostgresCluster start(Consumer<String> log) {
        Path folder;
        try {
            // Under the system's temporary folder, which the server's own account can reach.
            folder = Files.createTempDirectory("ioc-postgres-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for PostgreSQL", e);
        }
        return start(folder, false, log);
    }

    /**
     * Starts the cluster kept in {@code folder} by an earlier run, or makes one there (PostgreSQL installed when missing);
     * closing stops it and leaves it there. The server's own account must be able to reach the folder.
     */
    public static PostgresCluster startKept(Path folder, Consumer<String> log) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for PostgreSQL at " + folder, e);
        }
        return start(folder, true, log);
    }

    private static PostgresCluster start(Path folder, boolean keep, Consumer<String> log) {
        Path bin = installation().orElseGet(() -> {
            install(log);
            return installation().orElseThrow(() -> new IllegalStateException("apt installed postgresql but no server is in " + INSTALLATIONS));
        });
        Path data = folder.resolve("data");
        Path passwordFile = folder.resolve("password");
        boolean made = false;
        try {
            PostgresCluster cluster;
            if (keep && Files.isRegularFile(data.resolve("PG_VERSION")) && Files.isRegularFile(passwordFile)) {
                cluster = new PostgresCluster(bin, folder, data, freePort(), Files.readString(passwordFile).strip(), true);
                log.accept("postgres: reusing the cluster kept in " + folder);
            } else {
                FileTrees.delete(data);
                Files.deleteIfExists(passwordFile);
                made = true;
                String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
                Files.writeString(Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                        password);
                Files.createDirectories(data);
                if (root()) {
                    // The server refuses to run as root: the package's own account runs it, in folders it can reach.
                    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx--x--x"));
                    run(List.of("chown", "postgres:postgres", data.toString(), passwordFile.toString()));
                }
                cluster = new PostgresCluster(bin, folder, data, freePort(), password, keep);
                cluster.asServerUser(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "-E", "UTF8", "--locale=C.UTF-8",
                        "--auth=scram-sha-256", "--pwfile=" + passwordFile));
                if (keep && root()) {
                    // The next run reads it to sign in: root's alone again.
                    run(List.of("chown", "root:root", passwordFile.toString()));
                } else if (!keep) {
                    Files.delete(passwordFile);
                }
            }
            List<String> options = new ArrayList<>(SETTINGS);
            options.add("port=" + cluster.port);
            options.add("unix_socket_directories=" + data);
            String serverOptions = String.join(" ", options.stream().map(setting -> "-c " + setting).toList());
            cluster.asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", data.resolve("server.log").toString(),
                    "-o", serverOptions, "-w", "start"));
            Runtime.getRuntime().addShutdownHook(cluster.stopOnExit);
            log.accept("postgres: PostgreSQL " + cluster.version + " on 127.0.0.1:" + cluster.port + " (data in " + data + ")");
            return cluster;
        } catch (IOException | RuntimeException e) {
            if (!keep || made) {
                // A cluster half made is no use to the next run either.
                FileTrees.delete(keep ? data : folder);
            }
            throw e instanceof IOException io ? new UncheckedIOException("cannot prepare a folder for PostgreSQL in " + folder, io) : (RuntimeException) e;
        }
    }

    public Connection open() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", password);
        return DriverManager.getConnection(url(), properties);
    }

    /** The server's main process (its postmaster, whose children serve the connections). */
    public ProcessHandle server() {
        try {
            long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().strip());
            return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("PostgreSQL's server (pid " + pid + ") is not running"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read PostgreSQL's postmaster.pid in " + data, e);
        }
    }

    /** What a client in another process needs to sign in: the URL, the user and the password. */
    public Map<String, String> signIn() {
        return Map.of("url", url(), "user", USER, "password", password);
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException exiting) {
            // The JVM is exiting and this is the hook.
        }
        try {
            asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"));
        } finally {
            if (!kept) {
                FileTrees.delete(folder);
            }
        }
    }

    private void asServerUser(List<String> command) {
        List<String> full = new ArrayList<>();
        if (root()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    /** The newest server Debian's packages put here. */
    private static Optional<Path> installation() {
        if (!Files.isDirectory(INSTALLATIONS)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(INSTALLATIONS)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparingInt(bin -> Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D", "0"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void install(Consumer<String> log) {
        if (!root()) {
            throw new IllegalStateException("PostgreSQL is not installed (no server in " + INSTALLATIONS + "): "
                    + "install Debian's package (apt-get install postgresql) or run the benchmark as root, which installs it");
        }
        log.accept("postgres: installing Debian's postgresql package");
        run(List.of("apt-get", "update", "-q"));
        run(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-q", "--no-install-recommends", "postgresql"));
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("`" + String.join(" ", command) + "` failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.getFirst(), e);
        }
    }
}
