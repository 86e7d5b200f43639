package vn.ioc.analytics.planning;

/** How doses are shared among sites. */
public enum AllocationMethod {
    /** In proportion to each site's target residents. */
    POPULATION,
    /** In proportion to each site's need (target residents not yet covered). */
    NEED,
    /** The lowest projected coverage first, pack by pack (water-filling): the minimum coverage is as high as packs allow. */
    EQUITY
}
