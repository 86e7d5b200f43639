package vn.ioc.warehouse.engine;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import static java.util.Objects.requireNonNull;

/**
 * Finds chDB's native library: {@code IOC_CHDB_LIBRARY} if set, else the cached copy, else fetches
 * the platform's package with {@code npm pack}, verifies it and unpacks the library into the cache
 * ({@code IOC_CACHE_DIR}, default {@code ~/.cache/ioc}), outside any work tree.
 */
public final class EngineLibrary {
    private final Path cacheRoot;
    private final Consumer<String> progress;

    public EngineLibrary(Path cacheRoot, Consumer<String> progress) {
        this.cacheRoot = requireNonNull(cacheRoot, "cacheRoot");
        this.progress = requireNonNull(progress, "progress");
    }

    public static EngineLibrary fromEnvironment(Consumer<String> progress) {
        String configured = System.getenv("IOC_CACHE_DIR");
        Path root = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "ioc");
        return new EngineLibrary(root, progress);
    }

    /** The library to load, fetching it on first use. */
    public Path resolve() {
        String override = System.getenv("IOC_CHDB_LIBRARY");
        if (override != null && !override.isBlank()) {
            Path library = Path.of(override);
            if (!Files.isRegularFile(library)) {
                throw new EngineUnavailableException("IOC_CHDB_LIBRARY points at " + library + ", which is not a file");
            }
            return library;
        }
        EnginePackage enginePackage = EnginePackage.forThisMachine().orElseThrow(() -> new EngineUnavailableException(
                "the embedded ClickHouse engine (chDB) is not published for " + System.getProperty("os.name") + "/"
                        + System.getProperty("os.arch") + ": embedded mode is unavailable here; set IOC_WAREHOUSE_URL to a ClickHouse server"));
        return resolve(enginePackage);
    }

    Path resolve(EnginePackage enginePackage) {
        Path folder = cacheRoot.resolve("chdb").resolve(enginePackage.name().replace('/', '_') + "-" + enginePackage.version());
        Path library = folder.resolve(enginePackage.libraryFile());
        Path sizeRecord = folder.resolve(enginePackage.libraryFile() + ".size");
        try {
            Files.createDirectories(folder);
            // Two processes starting at once (tests, a demo) must not both fetch 180 MB into one place.
            try (FileChannel lockFile = FileChannel.open(folder.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                if (isComplete(library, sizeRecord)) {
                    return library;
                }
                fetch(enginePackage, folder, library);
                Files.writeString(sizeRecord, Long.toString(Files.size(library)), StandardCharsets.UTF_8);
                return library;
            }
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot prepare the engine library in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static boolean isComplete(Path library, Path sizeRecord) throws IOException {
        if (!Files.isRegularFile(library) || !Files.isRegularFile(sizeRecord)) {
            return false;
        }
        String recorded = Files.readString(sizeRecord, StandardCharsets.UTF_8).strip();
        return recorded.equals(Long.toString(Files.size(library)));
    }

    private void fetch(EnginePackage enginePackage, Path folder, Path library) throws IOException {
        Path download = Files.createTempDirectory(folder, "download-");
        try {
            progress.accept("fetching the ClickHouse engine " + enginePackage.spec() + " with npm pack (about 180 MB, once)");
            runNpmPack(enginePackage, download);
            Path tarball;
            try (var files = Files.list(download)) {
                tarball = files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
                        .orElseThrow(() -> new EngineUnavailableException("npm pack " + enginePackage.spec() + " wrote no tarball into " + download));
            }
            verify(enginePackage, tarball);
            Path unpacked = download.resolve(enginePackage.libraryFile());
            extract(tarball, "package/" + enginePackage.libraryFile(), unpacked);
            Files.move(unpacked, library, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            progress.accept("engine library ready: " + library);
        } finally {
            deleteRecursively(download);
        }
    }

    private static void runNpmPack(EnginePackage enginePackage, Path destination) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of("npm", "pack", enginePackage.spec(),
                "--pack-destination", destination.toString(), "--silent"))
                .redirectErrorStream(true);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot run npm to fetch " + enginePackage.spec()
                    + ": install Node.js and npm, or set IOC_CHDB_LIBRARY to a libchdb you already have", e);
        }
        byte[] output = process.getInputStream().readAllBytes();
        try {
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new EngineUnavailableException("npm pack " + enginePackage.spec() + " failed: "
                        + new String(output, StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new EngineUnavailableException("interrupted while fetching " + enginePackage.spec(), e);
        }
    }

    static void verify(EnginePackage enginePackage, Path tarball) throws IOException {
        if (enginePackage.pinnedIntegrity().isEmpty()) {
            return;
        }
        String expected = enginePackage.pinnedIntegrity().get();
        String actual = "sha512-" + Base64.getEncoder().encodeToString(digest(tarball, "SHA-512"));
        if (!expected.equals(actual)) {
            throw new EngineUnavailableException("the downloaded " + enginePackage.spec() + " (" + tarball
                    + ") is corrupt or not the expected build: integrity " + actual + ", expected " + expected);
        }
    }

    static void extract(Path tarball, String entryName, Path target) throws IOException {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(tarball));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(file))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.getName().equals(entryName)) {
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    if (Files.size(target) != entry.getSize()) {
                        throw new EngineUnavailableException(tarball + " is truncated: " + entryName + " is incomplete");
                    }
                    return;
                }
            }
        } catch (java.util.zip.ZipException | IllegalArgumentException e) {
            throw new EngineUnavailableException(tarball + " is not a valid package tarball: " + e.getMessage(), e);
        }
        throw new EngineUnavailableException(tarball + " holds no " + entryName);
    }

    private static byte[] digest(Path file, String algorithm) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance(algorithm))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return ((DigestInputStream) in).getMessageDigest().digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // A leftover temporary download is harmless and is replaced on the next fetch.
        }
    }
}
