package vn.ioc.warehouse.server;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static java.util.Objects.requireNonNull;

/**
 * The warehouse's data folder: the engine's storage, the credentials file, and a lock that keeps a
 * second server off the same folder. A folder that holds something else is refused, never taken over.
 */
public final class DataDirectory implements AutoCloseable {
    static final String MARKER = "ioc-warehouse.marker";
    private static final String LOCK = "ioc-warehouse.lock";

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Opens (creating if needed) and locks the folder, or fails with a message that says what is wrong. */
    public static DataDirectory open(Path folder) {
        requireNonNull(folder, "folder");
        Path root = folder.toAbsolutePath().normalize();
        try {
            if (Files.exists(root) && !Files.isDirectory(root)) {
                throw new WarehouseStartException("the data folder " + root + " is a file, not a folder");
            }
            Files.createDirectories(root);
            Path marker = root.resolve(MARKER);
            if (!Files.exists(marker)) {
                try (var entries = Files.list(root)) {
                    if (entries.findAny().isPresent()) {
                        throw new WarehouseStartException("the data folder " + root + " is not empty and is not an IOC warehouse (it has no "
                                + MARKER + "): choose a new or empty folder");
                    }
                }
            }
            if (!Files.isWritable(root)) {
                throw new WarehouseStartException("the data folder " + root + " is read-only: the warehouse needs to write there");
            }
            FileChannel channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new WarehouseStartException("the data folder " + root + " is in use by another warehouse process"
                        + ownerOf(root.resolve(LOCK)) + ": stop it first, or choose another folder");
            }
            channel.truncate(0);
            channel.write(StandardCharsets.UTF_8.encode(ProcessHandle.current().pid() + "\n"));
            channel.force(true);
            if (!Files.exists(marker)) {
                Files.writeString(marker, "IOC warehouse data folder: the engine's storage is in engine/\n", StandardCharsets.UTF_8);
            }
            Files.createDirectories(root.resolve("engine"));
            return new DataDirectory(root, channel, lock);
        } catch (IOException e) {
            throw new WarehouseStartException("cannot use the data folder " + root + ": " + e, e);
        }
    }

    private static String ownerOf(Path lockFile) {
        try {
            String pid = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
            return pid.isEmpty() ? "" : " (pid " + pid + ")";
        } catch (IOException e) {
            return "";
        }
    }

    public Path root() {
        return root;
    }

    public Path storage() {
        return root.resolve("engine");
    }

    public Path credentialsFile() {
        return root.resolve("credentials.properties");
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException ignored) {
            // The lock goes with the process anyway.
        }
    }
}
