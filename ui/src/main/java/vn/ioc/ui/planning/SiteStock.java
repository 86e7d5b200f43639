package vn.ioc.ui.planning;

import vn.ioc.analytics.planning.VaccinationSite;

import java.util.Objects;
import java.util.OptionalLong;

/** What a planner knows of a site's cold store: the doses it already holds and how many it can store (none: no limit). */
public record SiteStock(String code, long held, OptionalLong capacity) {
    public SiteStock {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(capacity, "capacity");
    }

    /** The site with this stock in place of what the warehouse knows (nothing held, no limit). */
    public VaccinationSite applyTo(VaccinationSite site) {
        return new VaccinationSite(site.code(), site.name(), site.targetResidents(), site.covered(), held, capacity);
    }
}
