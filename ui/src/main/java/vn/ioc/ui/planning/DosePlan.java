package vn.ioc.ui.planning;

import vn.ioc.analytics.planning.AllocationMethod;
import vn.ioc.analytics.planning.DoseAllocation;
import vn.ioc.analytics.planning.DoseAllocator;
import vn.ioc.analytics.planning.SiteAllocation;
import vn.ioc.analytics.planning.VaccinationSite;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** The same doses allocated among the same sites by every method, to compare side by side. */
public record DosePlan(List<VaccinationSite> sites, long doses, int packSize, List<DoseAllocation> allocations) {
    /** One site across the methods, in the order of {@link AllocationMethod}. */
    public record SiteRow(VaccinationSite site, List<SiteAllocation> byMethod) {
    }

    /** What a method achieves overall. */
    public record MethodSummary(AllocationMethod method, long allocated, double minimumCoverage, double coverageAfter, long sitesShort,
                                long shortage, long sitesOver, long surplus) {
    }

    /** Allocates by every method; refused (with the reason) when the doses cannot be allocated at all. */
    public static DosePlan compare(List<VaccinationSite> sites, long doses, int packSize) {
        return new DosePlan(List.copyOf(sites), doses, packSize,
                Arrays.stream(AllocationMethod.values()).map(method -> DoseAllocator.allocate(method, doses, packSize, sites)).toList());
    }

    public List<SiteRow> rows() {
        return IntStream.range(0, sites.size())
                .mapToObj(i -> new SiteRow(sites.get(i), allocations.stream().map(allocation -> allocation.sites().get(i)).toList())).toList();
    }

    public List<MethodSummary> summaries() {
        long target = sites.stream().mapToLong(VaccinationSite::targetResidents).sum();
        return allocations.stream().map(allocation -> {
            List<SiteAllocation> given = allocation.sites();
            double coveredAfter = given.stream().mapToDouble(site -> site.projectedCoverage() * site.site().targetResidents() / 100).sum();
            return new MethodSummary(allocation.method(), allocation.allocated(), allocation.minimumCoverage(), target == 0 ? 100 : 100 * coveredAfter / target,
                    given.stream().filter(site -> site.shortage() > 0).count(), given.stream().mapToLong(SiteAllocation::shortage).sum(),
                    given.stream().filter(site -> site.surplus() > 0).count(), given.stream().mapToLong(SiteAllocation::surplus).sum());
        }).toList();
    }

    /** Target residents not yet covered, less the doses already held, over all sites. */
    public long need() {
        return sites.stream().mapToLong(VaccinationSite::need).sum();
    }
}
