package vn.ioc.analytics.planning;

import java.util.List;
import java.util.Objects;

/** An allocation of doses among sites by one method. */
public record DoseAllocation(AllocationMethod method, long doses, int packSize, List<SiteAllocation> sites) {
    public DoseAllocation {
        Objects.requireNonNull(method, "method");
        sites = List.copyOf(sites);
    }

    /** The lowest projected coverage of any site with target residents. */
    public double minimumCoverage() {
        return sites.stream().filter(site -> site.site().targetResidents() > 0).mapToDouble(SiteAllocation::projectedCoverage).min().orElse(100);
    }

    public long allocated() {
        return sites.stream().mapToLong(SiteAllocation::doses).sum();
    }
}
