package vn.ioc.ui.ranking;

import java.util.function.Consumer;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.index.IndexDefinition;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.units.PeerGroup;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.ui.export.Downloads;
import vn.ioc.ui.lineage.LineageFigure;
import vn.ioc.ui.base.SimulatedDataLabel;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Provinces nationally, or the communes of a province (or of the nation), ranked by any KPI or index, with their pace
 * to target; peer-group filter, search, CSV export; {@code sort=pace}: the units furthest behind their target first.
 * State in the URL: {@code rankings?kpi=...&level=commune&scope=01&period=2026-10&groups=...&q=...&sort=pace}.
 */
@Route(value = "rankings", layout = MainLayout.class)
@PermitAll
public final class RankingsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final DashboardData data;

    public RankingsView(DashboardData data) {
        this.data = data;
        addClassName("rankings");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        ViewParams params = ViewParams.of(event.getLocation().getQueryParameters());
        Formats formats = new Formats(getLocale());
        Catalogue catalogue = data.catalogue();
        String indicator = params.get("kpi").orElse(catalogue.kpis().getFirst().id());
        UnitLevel level = params.get("level").orElse("province").equals("commune") ? UnitLevel.COMMUNE : UnitLevel.PROVINCE;
        Kpi kpi = catalogue.index(indicator).isPresent() ? null : ViewParams.found(() -> catalogue.kpi(indicator));
        Unit scope = level == UnitLevel.PROVINCE ? Unit.NATION
                : ViewParams.found(() -> catalogue.unit(params.get("scope").orElseGet(() -> data.user().province().orElse(catalogue.provinces().getFirst().code()))));
        Period period = params.period(data.latestMonth());
        Set<String> groups = new LinkedHashSet<>(params.list("groups"));
        Fresh<List<RankingRow>> rows = RankingTable.rows(data, indicator, level, scope.code(), period, groups);

        ComboBox<String> indicators = indicatorPicker(formats, catalogue, indicator, chosen -> params.with("kpi", chosen).go("rankings"));
        Select<UnitLevel> levels = new Select<>();
        levels.setId("level");
        levels.setLabel(getTranslation("picker.level"));
        levels.setItems(UnitLevel.PROVINCE, UnitLevel.COMMUNE);
        levels.setItemLabelGenerator(value -> getTranslation("level." + value.name()));
        levels.setValue(level);
        levels.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                params.with("level", change.getValue() == UnitLevel.COMMUNE ? "commune" : null).with("groups", null).go("rankings");
            }
        });
        List<Unit> scopes = new ArrayList<>(List.of(Unit.NATION));
        scopes.addAll(catalogue.provinces());
        scopes.removeIf(choice -> !data.seesDetailOf(choice));
        ComboBox<Unit> scopePicker = Pickers.picker("scope", getTranslation("picker.scope"), scopes, formats::name, scope,
                chosen -> params.with("scope", chosen.code()).go("rankings"), "16em");
        scopePicker.setVisible(level == UnitLevel.COMMUNE);
        MultiSelectComboBox<PeerGroup> groupPicker = new MultiSelectComboBox<>(getTranslation("picker.groups"), catalogue.peerGroups().get(level));
        groupPicker.setId("groups");
        groupPicker.setItemLabelGenerator(group -> formats.text(group.name()));
        groupPicker.select(catalogue.peerGroups().get(level).stream().filter(group -> groups.contains(group.id())).toList());
        groupPicker.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                params.with("groups", change.getValue().stream().map(PeerGroup::id).collect(Collectors.joining(","))).go("rankings");
            }
        });
        RankingGrid grid = new RankingGrid(formats, kpi, rows.value(), row -> UnitLinks.page(row.unit(), kpi == null ? null : kpi.id(), period.code()),
                row -> kpi == null || row.value() == null ? Optional.empty() : LineageFigure.of(data, formats, kpi, row.unit(), period, formats.name(row.unit())));
        boolean slipping = params.get("sort").filter("pace"::equals).isPresent();
        if (slipping) {
            grid.sortBySlipping();
        }
        TextField search = new TextField(getTranslation("picker.search"));
        search.setId("search");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValue(params.get("q").orElse(""));
        grid.search(search.getValue(), formats);
        search.addValueChangeListener(change -> {
            grid.search(change.getValue(), formats);
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, params.with("q", change.getValue()).link("rankings")));
        });
        String file = "ranking-" + indicator + "-" + (level == UnitLevel.PROVINCE ? "provinces" : "communes-" + scope.code()) + "-" + period.code();
        List<Anchor> downloads = Downloads.table(this::getTranslation, SimulatedDataLabel.text(this::getTranslation, formats, data), "ranking", file, () -> RankingTable.export(rows.value(), indicator, period.code()));

        FlexLayout toolbar = new FlexLayout(indicators, levels, scopePicker, Pickers.period(formats, getTranslation("picker.period"), data.latestMonth(), period, chosen -> params.with("period", chosen.code()).go("rankings")),
                groupPicker, search);
        downloads.forEach(toolbar::add);
        if (grid.paced() && !slipping) {
            Anchor furthestBehind = new Anchor(params.with("sort", "pace").link("rankings"), getTranslation("rankings.slipping"));
            furthestBehind.setId("slipping");
            toolbar.add(furthestBehind);
        }
        toolbar.addClassName("toolbar");
        toolbar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        String what = kpi == null ? formats.text(catalogue.index(indicator).orElseThrow().name()) : formats.name(kpi);
        add(new H2(what + " · " + getTranslation("level." + level.name()) + (level == UnitLevel.COMMUNE ? " · " + formats.name(scope) : "")
                + " · " + formats.period(period)), toolbar, new DataStamp(formats, List.of(rows)), grid);
    }

    private ComboBox<String> indicatorPicker(Formats formats, Catalogue catalogue, String selected, Consumer<String> chosen) {
        List<String> ids = new ArrayList<>(catalogue.indices().stream().map(IndexDefinition::id).toList());
        ids.addAll(catalogue.kpis().stream().map(Kpi::id).toList());
        return Pickers.picker("kpi", getTranslation("picker.indicator"), ids,
                id -> catalogue.index(id).map(index -> formats.text(index.name())).orElseGet(() -> formats.name(catalogue.kpi(id))), selected, chosen, "24em");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.short") + " · " + getTranslation("title.rankings");
    }
}
