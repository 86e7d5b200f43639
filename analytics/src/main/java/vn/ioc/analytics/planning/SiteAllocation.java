package vn.ioc.analytics.planning;

/** What one site gets: doses, its coverage after delivery, and doses beyond its need (surplus) or need left (shortage). */
public record SiteAllocation(VaccinationSite site, long doses, double projectedCoverage, long surplus, long shortage) {
    static SiteAllocation of(VaccinationSite site, long doses) {
        return new SiteAllocation(site, doses, site.coverageWith(doses), Math.max(0, doses - site.need()), Math.max(0, site.need() - doses));
    }
}
