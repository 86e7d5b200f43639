package vn.ioc.ui.unit;

import java.util.Locale;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.base.ViewParams;
import vn.ioc.ui.data.DashboardData;

import java.util.NoSuchElementException;
import java.util.Optional;

/** Reads a unit page's URL ({@code province/01?kpi=...&period=...}) into the page, or routes to not-found naming what is unknown. */
final class UnitRoute {
    private UnitRoute() {
    }

    static Optional<UnitPage> page(DashboardData data, BeforeEnterEvent event, UnitLevel level, String path) {
        ViewParams params = ViewParams.of(event.getLocation().getQueryParameters());
        String code = event.getRouteParameters().get("code").orElse("");
        try {
            Unit unit = data.catalogue().unit(code);
            if (unit.level() != level) {
                throw new NoSuchElementException("'" + code + "' is not a " + level.name().toLowerCase(Locale.ROOT) + " code");
            }
            Kpi kpi = params.get("kpi").map(id -> data.catalogue().kpi(id)).orElseGet(() -> data.kpisOf(unit).getFirst());
            if (!data.kpisOf(unit).contains(kpi)) {
                throw new NoSuchElementException("indicator " + kpi.id() + " is not kept by commune");
            }
            Period period = params.period(data.latestMonth());
            return Optional.of(new UnitPage(data, new Formats(event.getUI().getLocale()), unit, kpi, period, params, path + "/" + code));
        } catch (NoSuchElementException | IllegalArgumentException e) {
            event.rerouteToError(NotFoundException.class, e.getMessage());
            return Optional.empty();
        }
    }
}
