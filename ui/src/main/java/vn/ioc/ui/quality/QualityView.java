package vn.ioc.ui.quality;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.quality.IngestRunSummary;
import vn.ioc.analytics.quality.RuleQuality;
import vn.ioc.analytics.units.Unit;
import vn.ioc.ui.base.SimulatedDataLabel;
import vn.ioc.ui.base.DataStamp;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.base.MainLayout;
import vn.ioc.ui.base.Pickers;
import vn.ioc.ui.base.PhoneColumns;
import vn.ioc.ui.base.ViewParams;
import vn.ioc.ui.data.DashboardData;
import vn.ioc.ui.data.DashboardData.QualityQuery;
import vn.ioc.ui.data.Fresh;
import vn.ioc.ui.export.Downloads;
import vn.ioc.ui.export.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What ingest's validation found, per source and rule, for a unit and period, and the latest loads: {@code quality?unit=01&period=2026-10}. */
@Route(value = "quality", layout = MainLayout.class)
@PermitAll
public final class QualityView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private static final int RUNS_SHOWN = 20;
    private final DashboardData data;

    public QualityView(DashboardData data) {
        this.data = data;
        addClassName("quality");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        ViewParams params = ViewParams.of(event.getLocation().getQueryParameters());
        Formats formats = new Formats(getLocale());
        Unit unit = ViewParams.found(() -> data.catalogue().unit(params.get("unit").orElseGet(() -> data.user().home())));
        Period period = params.period(data.latestMonth());
        Fresh<List<RuleQuality>> rules = data.quality(new QualityQuery(unit.code(), period.code()));
        Fresh<List<IngestRunSummary>> runs = data.recentRuns(RUNS_SHOWN);
        List<Unit> units = new ArrayList<>(List.of(Unit.NATION));
        units.addAll(data.catalogue().provinces());
        units.removeIf(choice -> !data.seesDetailOf(choice));
        FlexLayout toolbar = new FlexLayout(
                Pickers.unit(formats, getTranslation("picker.unit"), units, unit, chosen -> params.with("unit", chosen.code()).go("quality")),
                Pickers.period(formats, getTranslation("picker.period"), data.latestMonth(), period, chosen -> params.with("period", chosen.code()).go("quality")));
        toolbar.addClassName("toolbar");

        Grid<RuleQuality> ruleGrid = new Grid<>();
        ruleGrid.setId("rules");
        ruleGrid.setItems(rules.value());
        Grid.Column<RuleQuality> source = ruleGrid.addColumn(RuleQuality::source).setHeader(getTranslation("quality.source")).setSortable(true).setAutoWidth(true);
        ruleGrid.addColumn(RuleQuality::rule).setHeader(getTranslation("quality.rule")).setSortable(true).setFlexGrow(1);
        Grid.Column<RuleQuality> checked = ruleGrid.addColumn(rule -> formats.count(rule.checked())).setHeader(getTranslation("quality.checked")).setAutoWidth(true);
        ruleGrid.addColumn(rule -> formats.count(rule.failed())).setHeader(getTranslation("quality.failed")).setAutoWidth(true);
        ruleGrid.addColumn(rule -> rule.passRate() == null ? "—" : formats.number(rule.passRate(), 2) + " %").setHeader(getTranslation("quality.pass"))
                .setComparator(RuleQuality::failed).setAutoWidth(true);
        ruleGrid.setPartNameGenerator(rule -> rule.failed() > 0 ? "failing" : null);
        // On a phone the rule's code names its source (POP-, VAC-...): the source column goes with the count checked.
        PhoneColumns.fit(ruleGrid, source, checked);
        ruleGrid.setAllRowsVisible(true);

        Grid<IngestRunSummary> runGrid = new Grid<>();
        runGrid.setId("runs");
        runGrid.setItems(runs.value());
        runGrid.addColumn(IngestRunSummary::source).setHeader(getTranslation("quality.source")).setAutoWidth(true);
        Grid.Column<IngestRunSummary> runPeriod = runGrid.addColumn(IngestRunSummary::period).setHeader(getTranslation("quality.period")).setAutoWidth(true);
        runGrid.addColumn(run -> formats.time(run.finishedAt())).setHeader(getTranslation("quality.finished")).setAutoWidth(true);
        runGrid.addColumn(IngestRunSummary::status).setHeader(getTranslation("quality.status")).setAutoWidth(true);
        runGrid.addColumn(run -> formats.count(run.read())).setHeader(getTranslation("quality.read")).setAutoWidth(true);
        Grid.Column<IngestRunSummary> loaded = runGrid.addColumn(run -> formats.count(run.loadedFrom())).setHeader(getTranslation("quality.loaded")).setAutoWidth(true);
        runGrid.addColumn(run -> formats.count(run.quarantined())).setHeader(getTranslation("quality.quarantined")).setAutoWidth(true);
        Grid.Column<IngestRunSummary> duplicates = runGrid.addColumn(run -> formats.count(run.duplicates())).setHeader(getTranslation("quality.duplicates")).setAutoWidth(true);
        runGrid.addColumn(IngestRunSummary::error).setHeader(getTranslation("quality.error")).setFlexGrow(1);
        PhoneColumns.fit(runGrid, runPeriod, loaded, duplicates);
        runGrid.setAllRowsVisible(true);

        String file = "quality-" + unit.code() + "-" + period.code();
        Downloads.table(this::getTranslation, SimulatedDataLabel.text(this::getTranslation, formats, data), "rules", file, () -> new Table("quality", List.of("unit", "period", "source", "rule", "checked", "failed", "pass_rate"),
                rules.value().stream().map(rule -> Arrays.<Object>asList(unit.code(), period.code(), rule.source(), rule.rule(), rule.checked(), rule.failed(),
                        rule.passRate())).toList())).forEach(toolbar::add);
        FlexLayout runDownloads = new FlexLayout();
        runDownloads.addClassName("toolbar");
        Downloads.table(this::getTranslation, SimulatedDataLabel.text(this::getTranslation, formats, data), "runs", "ingest-runs", () -> new Table("runs", List.of("source", "period", "finished_at", "status", "read",
                "loaded_from", "quarantined", "duplicates", "error"), runs.value().stream().map(run -> Arrays.<Object>asList(run.source(), run.period(),
                run.finishedAt().toString(), run.status(), run.read(), run.loadedFrom(), run.quarantined(), run.duplicates(), run.error())).toList()))
                .forEach(runDownloads::add);
        add(new H2(getTranslation("quality.title") + " · " + formats.name(unit) + " · " + formats.period(period)), toolbar,
                new DataStamp(formats, List.of(rules, runs)), ruleGrid, new H3(getTranslation("quality.runs")), runDownloads, runGrid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.short") + " · " + getTranslation("title.quality");
    }
}
