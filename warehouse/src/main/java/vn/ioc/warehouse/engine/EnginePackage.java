package vn.ioc.warehouse.engine;

import vn.ioc.warehouse.npm.NpmPackage;

import java.util.Locale;
import java.util.Optional;

/**
 * The npm package that carries chDB's native library for one platform. Only the Linux x64 build's
 * integrity is pinned here (it is the one IOC is verified on); for the others npm's own check
 * against the registry's integrity is what stands.
 */
public record EnginePackage(NpmPackage npmPackage, String libraryFile) {
    public static final String VERSION = "26.7.3-stable.1";

    /** The package for this machine, or empty where chDB publishes none. */
    public static Optional<EnginePackage> forPlatform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        if (os.contains("linux") && x64) {
            return Optional.of(of("@chdb/lib-linux-x64-gnu", "libchdb.so",
                    "sha512-XP97mMqnc5tZpKQywR8N7cLTsHNiTmHr30pC5mzo3jWmukjKn2IBa60c2B/gWUNcuFjOMjWoorQICCqBVj5wpw=="));
        }
        if (os.contains("linux") && arm64) {
            return Optional.of(of("@chdb/lib-linux-arm64-gnu", "libchdb.so", null));
        }
        if (os.contains("mac") && arm64) {
            return Optional.of(of("@chdb/lib-darwin-arm64", "libchdb.dylib", null));
        }
        if (os.contains("mac") && x64) {
            return Optional.of(of("@chdb/lib-darwin-x64", "libchdb.dylib", null));
        }
        return Optional.empty();
    }

    public static Optional<EnginePackage> forThisMachine() {
        return forPlatform(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    private static EnginePackage of(String name, String libraryFile, String integrity) {
        return new EnginePackage(new NpmPackage(name, VERSION, Optional.ofNullable(integrity)), libraryFile);
    }
}
