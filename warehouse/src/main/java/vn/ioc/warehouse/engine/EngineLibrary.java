package vn.ioc.warehouse.engine;

import vn.ioc.warehouse.npm.NpmPackageCache;
import vn.ioc.warehouse.npm.NpmPackageException;

import java.nio.file.Files;
import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * Finds chDB's native library: {@code IOC_CHDB_LIBRARY} if set, else the platform's npm package,
 * fetched once into the package cache.
 */
public final class EngineLibrary {
    private final NpmPackageCache packages;

    public EngineLibrary(NpmPackageCache packages) {
        this.packages = requireNonNull(packages, "packages");
    }

    public static EngineLibrary fromEnvironment(java.util.function.Consumer<String> progress) {
        return new EngineLibrary(NpmPackageCache.fromEnvironment(progress));
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
        try {
            return packages.file(enginePackage.npmPackage(), enginePackage.libraryFile());
        } catch (NpmPackageException e) {
            throw new EngineUnavailableException("the embedded ClickHouse engine is unavailable: " + e.getMessage(), e);
        }
    }
}
