package vn.ioc.warehouse.npm;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A package on the npm registry, by name and exact version. Where {@code pinnedIntegrity} is given
 * (npm's {@code sha512-...} form), the downloaded tarball must match it; otherwise npm's own check
 * against the registry's integrity is what stands.
 */
public record NpmPackage(String name, String version, Optional<String> pinnedIntegrity) {
    public NpmPackage {
        requireNonNull(name, "name");
        requireNonNull(version, "version");
        requireNonNull(pinnedIntegrity, "pinnedIntegrity");
    }

    public String spec() {
        return name + "@" + version;
    }
}
