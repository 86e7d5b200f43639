package vn.ioc.ui.unit;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.base.ViewParams;
import vn.ioc.ui.data.DashboardData;

import java.util.List;
import java.util.Locale;

/** Reads a unit page's URL ({@code province/01?kpi=...&period=...}) into the page; what it names but does not exist is a page not found. */
final class UnitRoute {
    private UnitRoute() {
    }

    static UnitPage page(DashboardData data, BeforeEnterEvent event, UnitLevel level, String path) {
        ViewParams params = ViewParams.of(event.getLocation().getQueryParameters());
        String code = event.getRouteParameters().get("code").orElse("");
        Unit unit = ViewParams.found(() -> data.catalogue().unit(code));
        if (unit.level() != level) {
            throw new NotFoundException("'" + code + "' is not a " + level.name().toLowerCase(Locale.ROOT) + " code");
        }
        List<Kpi> measured = data.kpisOf(unit);
        Kpi kpi = params.get("kpi").map(id -> ViewParams.found(() -> data.catalogue().kpi(id))).orElseGet(measured::getFirst);
        if (!measured.contains(kpi)) {
            throw new NotFoundException("indicator " + kpi.id() + " is not kept by commune");
        }
        Period period = params.period(data.latestMonth());
        return new UnitPage(data, new Formats(event.getUI().getLocale()), unit, kpi, period, params, path + "/" + code);
    }
}
