package vn.ioc.warehouse.live;

import vn.ioc.warehouse.files.FileTrees;
import vn.ioc.warehouse.files.IocCache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * What the local Druid runs with: Druid's jars, fetched once by this project's Maven from the coordinates in
 * {@code ingest/druid/pom.xml} into the IOC cache, and a JDK 17 or 21 (Druid 33 does not run on 25).
 */
public record DruidRuntime(Path javaHome, Path jars) {
    public static final String VERSION = "33.0.0";
    private static final Set<Integer> SUPPORTED_JAVA = Set.of(17, 21);
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    public DruidRuntime {
        requireNonNull(javaHome, "javaHome");
        requireNonNull(jars, "jars");
    }

    /** Finds the JDK and the jars, fetching the jars on first use. */
    public static DruidRuntime find(Consumer<String> progress) {
        return new DruidRuntime(findJavaHome(), fetchJars(progress));
    }

    public Path java() {
        return javaHome.resolve("bin").resolve("java");
    }

    /** {@code IOC_DRUID_JAVA_HOME} when set, else the first JDK 17 or 21 among the machine's usual install folders. */
    private static Path findJavaHome() {
        String configured = System.getenv("IOC_DRUID_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            Path home = Path.of(configured);
            int major = javaMajor(home).orElse(-1);
            if (!SUPPORTED_JAVA.contains(major)) {
                throw new IllegalStateException("IOC_DRUID_JAVA_HOME=" + configured + " is not a JDK 17 or 21 (Druid " + VERSION
                        + " runs on those only; found " + (major < 0 ? "no JDK" : "Java " + major) + ")");
            }
            return home;
        }
        List<Path> candidates = new ArrayList<>();
        for (String root : List.of("/usr/lib/jvm", "/opt/java")) {
            try (Stream<Path> homes = Files.list(Path.of(root))) {
                homes.sorted().forEach(candidates::add);
            } catch (IOException e) {
                // not on this machine
            }
        }
        return candidates.stream()
                .filter(home -> Files.isExecutable(home.resolve("bin/java")) && SUPPORTED_JAVA.contains(javaMajor(home).orElse(-1)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Druid " + VERSION + " needs a JDK 17 or 21 and none was found under "
                        + "/usr/lib/jvm or /opt/java: install one (Debian: apt-get install openjdk-17-jre-headless) or set IOC_DRUID_JAVA_HOME"));
    }

    private static Optional<Integer> javaMajor(Path home) {
        try {
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
            return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The folder of Druid's jars in the cache, fetched with Maven when it is not complete. */
    private static Path fetchJars(Consumer<String> progress) {
        Path folder = IocCache.root().resolve("druid-" + VERSION);
        Path jars = folder.resolve("lib");
        Path complete = folder.resolve(".complete");
        try {
            Files.createDirectories(folder);
            // Two processes starting Druid at once must not fetch into one place together.
            try (FileChannel lockFile = FileChannel.open(folder.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                if (Files.exists(complete)) {
                    return jars;
                }
                Path project = projectRoot();
                progress.accept("fetching Druid " + VERSION + "'s jars with Maven (once, about 180 MB) into " + jars);
                Path partial = folder.resolve("lib.partial");
                FileTrees.delete(partial);
                FileTrees.delete(jars);
                Path log = folder.resolve("fetch.log");
                Process maven = new ProcessBuilder(project.resolve("mvnw").toString(), "-B", "-q", "-f",
                        project.resolve("ingest/druid/pom.xml").toString(), "dependency:copy-dependencies",
                        "-DoutputDirectory=" + partial)
                        .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                int exit = maven.waitFor();
                if (exit != 0) {
                    throw new IllegalStateException("fetching Druid's jars failed (Maven exit " + exit + "); its output: " + log
                            + "\n" + tail(log));
                }
                Files.move(partial, jars);
                Files.writeString(complete, VERSION + "\n", StandardCharsets.UTF_8);
                return jars;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Druid's jars in " + folder + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching Druid's jars", e);
        }
    }

    /** The project's root (where {@code mvnw} is): {@code ioc.home} as the launcher sets it, else the nearest folder up from here. */
    private static Path projectRoot() {
        String home = System.getProperty("ioc.home");
        Path start = home != null ? Path.of(home) : Path.of("").toAbsolutePath();
        for (Path folder = start; folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("ingest/druid/pom.xml")) && Files.isExecutable(folder.resolve("mvnw"))) {
                return folder;
            }
        }
        throw new IllegalStateException("cannot find the IOC project (mvnw and ingest/druid/pom.xml) from " + start
                + ": Druid's jars are fetched with its Maven; run from the project, or through ./ioc");
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
