package vn.ioc.warehouse.files;

import java.nio.file.Path;

/** The folder outside any work tree where fetched packages and benchmark data are kept: {@code IOC_CACHE_DIR}, default {@code ~/.cache/ioc}. */
public final class IocCache {
    private IocCache() {
    }

    public static Path root() {
        String configured = System.getenv("IOC_CACHE_DIR");
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "ioc");
    }
}
