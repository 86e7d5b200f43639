package vn.ioc.ui.overview;

import vn.ioc.analytics.units.UnitLevel;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.pace.Pace;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.service.AnalyticsService.BoardQuery;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.values.KpiValue;
import vn.ioc.ui.lineage.LineageButton;
import vn.ioc.ui.base.DataStamp;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.base.MainLayout;
import vn.ioc.ui.base.Pickers;
import vn.ioc.ui.base.ViewParams;
import vn.ioc.ui.data.Catalogue;
import vn.ioc.ui.data.DashboardData;
import vn.ioc.ui.data.Fresh;
import vn.ioc.ui.base.UnitLinks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/** Where a unit (the user's province by default) stands: a card per indicator, grouped by domain, for one period. */
@Route(value = "", layout = MainLayout.class)
@PermitAll
public final class OverviewView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final DashboardData data;

    public OverviewView(DashboardData data) {
        this.data = data;
        addClassName("overview");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        ViewParams params = ViewParams.of(event.getLocation().getQueryParameters());
        Formats formats = new Formats(getLocale());
        Catalogue catalogue = data.catalogue();
        Unit unit = ViewParams.found(() -> catalogue.unit(params.get("unit").orElseGet(() -> data.user().home())));
        Period period = params.period(data.latestMonth());
        Fresh<Map<String, List<KpiValue>>> board = data.board(new BoardQuery(unit.code(), period.code(), period.kind() == Period.Kind.MONTH ? 12 : 5));

        List<Unit> units = new ArrayList<>(List.of(Unit.NATION));
        units.addAll(catalogue.provinces());
        if (unit.level() == UnitLevel.COMMUNE) {
            units.add(unit);
        }
        HorizontalLayout toolbar = new HorizontalLayout(
                Pickers.unit(formats, getTranslation("picker.unit"), units, unit, chosen -> params.with("unit", chosen.code()).go("")),
                Pickers.period(formats, getTranslation("picker.period"), data.latestMonth(), period, chosen -> params.with("period", chosen.code()).go("")));
        toolbar.addClassName("toolbar");
        toolbar.setAlignItems(Alignment.BASELINE);
        H2 title = new H2(formats.name(unit) + " · " + formats.period(period));
        add(title, toolbar, new DataStamp(formats, List.of(board)));

        String domain = null;
        FlexLayout cards = null;
        for (Kpi kpi : data.kpisOf(unit)) {
            List<KpiValue> series = board.value().get(kpi.id());
            if (series == null) {
                continue;
            }
            if (!kpi.domain().equals(domain)) {
                domain = kpi.domain();
                cards = new FlexLayout();
                cards.addClassName("kpi-cards");
                cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
                Div group = new Div(new H3(getTranslation("domain." + domain)), cards);
                group.addClassName("domain");
                add(group);
            }
            cards.add(new KpiCard(formats, kpi, series, Pace.shown(kpi, period, series), UnitLinks.page(unit, kpi.id(), period.code()),
                    series.getLast().value() == null ? Optional.empty() : LineageButton.of(data, formats, kpi, unit, period)));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.short") + " · " + getTranslation("title.overview");
    }
}
