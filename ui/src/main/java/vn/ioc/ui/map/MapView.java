package vn.ioc.ui.map;

import java.util.function.Function;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.ranking.Ranking;
import vn.ioc.analytics.service.AnalyticsService.RankingQuery;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.ui.base.DataStamp;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.base.MainLayout;
import vn.ioc.ui.base.Pickers;
import vn.ioc.ui.base.ViewParams;
import vn.ioc.ui.data.Catalogue;
import vn.ioc.ui.data.DashboardData;
import vn.ioc.ui.data.Fresh;
import vn.ioc.ui.base.UnitLinks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The provinces coloured by a KPI: {@code map?kpi=...&period=...}; a click opens the province. */
@Route(value = "map", layout = MainLayout.class)
@PermitAll
public final class MapView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final DashboardData data;
    private final ProvinceMap map;

    public MapView(DashboardData data, ProvinceMap map) {
        this.data = data;
        this.map = map;
        addClassName("map-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        ViewParams params = ViewParams.of(event.getLocation().getQueryParameters());
        Formats formats = new Formats(getLocale());
        Catalogue catalogue = data.catalogue();
        Kpi kpi = ViewParams.found(() -> catalogue.kpi(params.get("kpi").orElse(catalogue.kpis().getFirst().id())));
        Period period = params.period(data.latestMonth());
        Fresh<Ranking> ranking = data.ranking(new RankingQuery(kpi.id(), UnitLevel.PROVINCE, Unit.NATION.code(), period.code(), Set.of()));
        Map<String, Double> values = new HashMap<>();
        ranking.value().units().forEach(ranked -> values.put(ranked.value().unit().code(), ranked.value().value()));

        FlexLayout toolbar = new FlexLayout(
                Pickers.kpi(formats, getTranslation("picker.indicator"), catalogue.kpis(), kpi, chosen -> params.with("kpi", chosen.id()).go("map")),
                Pickers.period(formats, getTranslation("picker.period"), data.latestMonth(), period, chosen -> params.with("period", chosen.code()).go("map")));
        toolbar.addClassName("toolbar");
        add(new H2(getTranslation("map.title") + " · " + formats.name(kpi) + " · " + formats.period(period)), toolbar, new DataStamp(formats, List.of(ranking)));
        List<Unit> provinces = catalogue.provinces();
        Function<Unit, String> link = province -> UnitLinks.page(province, kpi.id(), period.code());
        if (map.boundaries().isEmpty()) {
            add(new Paragraph(getTranslation("map.tiles")));
        }
        add(map.draw(provinces, ChoroplethMap.Shading.of(kpi, values, formats), formats, link));
        data.user().province().ifPresent(own -> add(new Anchor(
                ViewParams.of("kpi", kpi.id(), "level", "commune", "scope", own, "period", period.code()).link("rankings"),
                getTranslation("map.communes", formats.name(catalogue.unit(own))))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.short") + " · " + getTranslation("title.map");
    }
}
