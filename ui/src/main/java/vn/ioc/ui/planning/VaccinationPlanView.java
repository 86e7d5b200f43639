package vn.ioc.ui.planning;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import vn.ioc.analytics.catalogue.Direction;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.planning.AllocationMethod;
import vn.ioc.analytics.planning.AllocationRefusedException;
import vn.ioc.analytics.planning.SiteAllocation;
import vn.ioc.analytics.planning.VaccinationSite;
import vn.ioc.analytics.units.Unit;
import vn.ioc.ui.base.SimulatedDataLabel;
import vn.ioc.ui.base.DataStamp;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.base.MainLayout;
import vn.ioc.ui.base.Pickers;
import vn.ioc.ui.base.PhoneColumns;
import vn.ioc.ui.base.ViewParams;
import vn.ioc.ui.data.DashboardData;
import vn.ioc.ui.data.DashboardData.SitesQuery;
import vn.ioc.ui.data.Fresh;
import vn.ioc.ui.export.Downloads;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Vaccine doses for a province's communes (or the nation's provinces), allocated by population, by need and by
 * equity side by side: {@code planning/vaccines?kpi=vaccination.covid_booster&scope=01&doses=5000&pack=10}. The
 * planner may give each site's stock (doses held, storage capacity) as a CSV file, and save the whole as a scenario
 * ({@code &scenario=name} reopens it).
 */
@Route(value = "planning/vaccines", layout = MainLayout.class)
@RolesAllowed({"PLANNER", "ADMIN"})
public final class VaccinationPlanView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    static final String PATH = "planning/vaccines";
    private static final int DEFAULT_PACK = 10;
    private static final int LARGEST_STOCK_FILE = 4 * 1024 * 1024;

    private final DashboardData data;
    private final ScenarioStore scenarios;
    /** The stock given by file or by the scenario opened; kept while the planner stays on this page. */
    private Map<String, SiteStock> stock = Map.of();
    private String stockSource;
    private String scenarioOpened;
    private ViewParams params;

    public VaccinationPlanView(DashboardData data, ScenarioStore scenarios) {
        this.data = data;
        this.scenarios = scenarios;
        addClassName("planning");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        params = ViewParams.of(event.getLocation().getQueryParameters());
        show();
    }

    /** Takes a stock file the planner uploaded; a refused file leaves the stock as it was and says why. */
    void takeStock(String fileName, byte[] content, List<VaccinationSite> sites) {
        try {
            stock = StockFile.read(fileName, new ByteArrayInputStream(content), sites.stream().map(VaccinationSite::code).collect(Collectors.toSet()));
            stockSource = fileName;
            leaveScenario();
        } catch (StockFile.RefusedException e) {
            show();
            Div problem = new Div(getTranslation("vaccines.stock.refused", e.getMessage()));
            problem.setId("stock-problem");
            problem.addClassName("problem");
            addComponentAtIndex(2, problem);
        }
    }

    /** The stock changed: the page no longer shows the scenario opened. */
    private void leaveScenario() {
        scenarioOpened = null;
        params = params.with("scenario", null);
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, params.link(PATH)));
        show();
    }

    private void show() {
        removeAll();
        Formats formats = new Formats(getLocale());
        Optional<DoseScenario> scenario = params.get("scenario").map(name -> ViewParams.found(
                () -> scenarios.find(name).orElseThrow(() -> new NoSuchElementException("no saved scenario named '" + name + "'"))));
        if (scenario.isPresent() && !scenario.get().name().equals(scenarioOpened)) {
            stock = scenario.get().stock().stream().collect(Collectors.toMap(SiteStock::code, site -> site, (a, b) -> a, LinkedHashMap::new));
            stockSource = scenario.get().name();
            scenarioOpened = scenario.get().name();
        }
        List<Kpi> coverages = data.catalogue().kpis().stream().filter(VaccinationPlanView::isVaccineCoverage).toList();
        Kpi kpi = ViewParams.found(() -> data.catalogue().kpi(params.get("kpi").or(() -> scenario.map(DoseScenario::coverageKpi))
                .orElse(coverages.getFirst().id())));
        if (!coverages.contains(kpi)) {
            throw ViewParams.notFound("'" + kpi.id() + "' is not a vaccination coverage");
        }
        List<Unit> scopes = new ArrayList<>(List.of(Unit.NATION));
        scopes.addAll(data.catalogue().provinces());
        Unit scope = ViewParams.found(() -> data.catalogue().unit(params.get("scope").or(() -> scenario.map(DoseScenario::scope)).orElse(Unit.NATION.code())));
        if (!scopes.contains(scope)) {
            throw ViewParams.notFound("doses are allocated among the provinces of the nation or the communes of a province, not within " + scope.name());
        }
        Period period = scenario.isPresent() && params.get("period").isEmpty() ? ViewParams.found(() -> Period.parse(scenario.get().period()))
                : params.period(data.latestMonth());
        Fresh<List<VaccinationSite>> found = data.vaccinationSites(new SitesQuery(kpi.id(), scope.code(), period.code()));
        List<VaccinationSite> sites = found.value().stream().map(site -> stock.containsKey(site.code()) ? stock.get(site.code()).applyTo(site) : site).toList();
        long stocked = sites.stream().filter(site -> stock.containsKey(site.code())).count();
        int pack = ViewParams.found(() -> params.get("pack").map(Integer::parseInt).or(() -> scenario.map(DoseScenario::packSize)).orElse(DEFAULT_PACK));
        long need = sites.stream().mapToLong(VaccinationSite::need).sum();
        long doses = ViewParams.found(() -> params.get("doses").map(Long::parseLong).or(() -> scenario.map(DoseScenario::doses))
                .orElse(need / 2 / Math.max(1, pack) * Math.max(1, pack)));
        // The page's state in full, so that it stays the same when the stock changes and the scenario is left.
        params = params.with("kpi", kpi.id()).with("scope", scope.code()).with("period", period.code()).with("doses", Long.toString(doses))
                .with("pack", Integer.toString(pack));

        Paragraph summary = new Paragraph(getTranslation("vaccines.sites", formats.count(sites.size()), formats.count(need), formats.count(stocked),
                stockSource == null ? "—" : stockSource));
        summary.setId("sites");
        add(new H2(getTranslation("vaccines.title") + " · " + formats.name(kpi) + " · " + formats.name(scope) + " · " + formats.period(period)),
                inputs(formats, coverages, kpi, scopes, scope, period, doses, pack, sites),
                new DataStamp(formats, List.of(found)), summary);
        try {
            DosePlan plan = DosePlan.compare(sites, doses, pack);
            DosePlanExport export = new DosePlanExport(formats, this::getTranslation, code -> formats.name(data.catalogue().unit(code)));
            String file = "vaccine-allocation-" + kpi.id() + "-" + scope.code() + "-" + period.code();
            String title = getTranslation("vaccines.title") + " · " + formats.name(kpi) + " · " + formats.name(scope) + " · " + formats.period(period);
            FlexLayout exports = new FlexLayout();
            Downloads.table(this::getTranslation, SimulatedDataLabel.text(this::getTranslation, formats, data), "allocation", file, () -> export.table(plan, kpi.id(), scope.code(), period.code())).forEach(exports::add);
            exports.add(Downloads.link("pdf", getTranslation("export.pdf"), file + ".pdf", Downloads.PDF, out -> export.pdf(plan, title, SimulatedDataLabel.text(this::getTranslation, formats, data), out)));
            exports.addClassName("toolbar");
            add(new H3(getTranslation("vaccines.compare")), summaries(formats, plan), exports, new H3(getTranslation("vaccines.allocation")),
                    allocations(formats, plan, period));
        } catch (AllocationRefusedException e) {
            Div refused = new Div(getTranslation("vaccines.refused." + e.reason().name(),
                    e.figures().stream().map(formats::count).toArray()));
            refused.setId("refused");
            refused.addClassName("problem");
            add(refused);
        }
        add(scenarioControls(formats, kpi, scope, period, doses, pack));
    }

    private FlexLayout inputs(Formats formats, List<Kpi> coverages, Kpi kpi, List<Unit> scopes, Unit scope, Period period, long doses, int pack,
                              List<VaccinationSite> sites) {
        IntegerField dosesField = new IntegerField(getTranslation("vaccines.doses"));
        dosesField.setId("doses");
        dosesField.setMin(0);
        dosesField.setValue((int) Math.min(Integer.MAX_VALUE, doses));
        IntegerField packField = new IntegerField(getTranslation("vaccines.pack"));
        packField.setId("pack");
        packField.setMin(1);
        packField.setValue(pack);
        Button allocate = new Button(getTranslation("vaccines.allocate"), click -> {
            if (dosesField.getValue() != null && packField.getValue() != null) {
                params.with("doses", dosesField.getValue().toString()).with("pack", packField.getValue().toString()).go(PATH);
            }
        });
        allocate.setId("allocate");
        allocate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Upload upload = new Upload(UploadHandler.inMemory((metadata, content) -> takeStock(metadata.fileName(), content, sites)));
        upload.setId("stock");
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(LARGEST_STOCK_FILE);
        upload.setUploadButton(new Button(getTranslation("vaccines.stock.upload")));
        upload.setI18n(new UploadI18N().setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("upload.drop")).setMany(getTranslation("upload.drop")))
                .setError(new UploadI18N.Error().setFileIsTooBig(getTranslation("upload.too-big")).setIncorrectFileType(getTranslation("upload.not-csv"))
                        .setTooManyFiles(getTranslation("upload.one"))));
        Button clearStock = new Button(getTranslation("vaccines.stock.clear"), click -> {
            stock = Map.of();
            stockSource = null;
            leaveScenario();
        });
        clearStock.setId("clear-stock");
        clearStock.setEnabled(!stock.isEmpty());
        FlexLayout inputs = new FlexLayout(
                Pickers.kpi(formats, getTranslation("vaccines.coverage"), coverages, kpi, chosen -> params.with("kpi", chosen.id()).go(PATH)),
                Pickers.unit(formats, getTranslation("vaccines.scope"), scopes, scope, chosen -> params.with("scope", chosen.code()).go(PATH)),
                Pickers.period(formats, getTranslation("picker.period"), data.latestMonth(), period, chosen -> params.with("period", chosen.code()).go(PATH)),
                dosesField, packField, allocate, upload, clearStock);
        inputs.addClassName("toolbar");
        inputs.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        inputs.setAlignItems(Alignment.END);
        return inputs;
    }

    private Grid<DosePlan.MethodSummary> summaries(Formats formats, DosePlan plan) {
        Grid<DosePlan.MethodSummary> grid = new Grid<>();
        PhoneColumns.fit(grid);
        grid.setId("methods");
        grid.setItems(plan.summaries());
        grid.addColumn(summary -> getTranslation("method." + summary.method().name())).setHeader(getTranslation("vaccines.method")).setAutoWidth(true);
        grid.addColumn(summary -> formats.count(summary.allocated())).setHeader(getTranslation("vaccines.allocated")).setAutoWidth(true);
        grid.addColumn(summary -> formats.number(summary.minimumCoverage(), 1) + " %").setHeader(getTranslation("vaccines.minimum")).setAutoWidth(true);
        grid.addColumn(summary -> formats.number(summary.coverageAfter(), 1) + " %").setHeader(getTranslation("vaccines.after.all")).setAutoWidth(true);
        grid.addColumn(summary -> formats.count(summary.sitesShort()) + " · " + formats.count(summary.shortage())).setHeader(getTranslation("vaccines.short"))
                .setAutoWidth(true);
        grid.addColumn(summary -> formats.count(summary.sitesOver()) + " · " + formats.count(summary.surplus())).setHeader(getTranslation("vaccines.over"))
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Grid<DosePlan.SiteRow> allocations(Formats formats, DosePlan plan, Period period) {
        Grid<DosePlan.SiteRow> grid = new Grid<>();
        PhoneColumns.fit(grid);
        grid.setId("allocations");
        grid.setItems(plan.rows());
        grid.addColumn(row -> formats.name(data.catalogue().unit(row.site().code()))).setHeader(getTranslation("vaccines.site")).setSortable(true)
                .setAutoWidth(true).setFrozen(true);
        grid.addColumn(row -> formats.count(row.site().targetResidents())).setHeader(getTranslation("vaccines.target"))
                .setComparator(row -> row.site().targetResidents()).setAutoWidth(true);
        grid.addColumn(row -> formats.number(row.site().coverageWith(0), 1) + " %").setHeader(getTranslation("vaccines.now"))
                .setComparator(row -> row.site().coverageWith(0)).setAutoWidth(true);
        grid.addColumn(row -> formats.count(row.site().held())).setHeader(getTranslation("vaccines.held")).setAutoWidth(true);
        grid.addColumn(row -> row.site().capacity().isPresent() ? formats.count(row.site().capacity().getAsLong()) : "—")
                .setHeader(getTranslation("vaccines.capacity")).setAutoWidth(true);
        grid.addColumn(row -> formats.count(row.site().need())).setHeader(getTranslation("vaccines.need")).setComparator(row -> row.site().need())
                .setAutoWidth(true);
        for (AllocationMethod method : AllocationMethod.values()) {
            int m = method.ordinal();
            String name = getTranslation("method." + method.name());
            grid.addColumn(row -> formats.count(row.byMethod().get(m).doses())).setHeader(name + " · " + getTranslation("vaccines.doses.short"))
                    .setComparator(row -> row.byMethod().get(m).doses()).setAutoWidth(true);
            grid.addColumn(row -> formats.number(row.byMethod().get(m).projectedCoverage(), 1) + " %" + flag(formats, row.byMethod().get(m)))
                    .setHeader(name + " · " + getTranslation("vaccines.after")).setComparator(row -> row.byMethod().get(m).projectedCoverage())
                    .setAutoWidth(true).setPartNameGenerator(row -> row.byMethod().get(m).shortage() > 0 ? "short"
                            : row.byMethod().get(m).surplus() > 0 ? "over" : null);
        }
        grid.setAllRowsVisible(plan.sites().size() <= 40);
        grid.addClassName("allocation-grid");
        return grid;
    }

    private String flag(Formats formats, SiteAllocation allocation) {
        return allocation.shortage() > 0 ? " · " + getTranslation("vaccines.flag.short", formats.count(allocation.shortage()))
                : allocation.surplus() > 0 ? " · " + getTranslation("vaccines.flag.over", formats.count(allocation.surplus())) : "";
    }

    private FlexLayout scenarioControls(Formats formats, Kpi kpi, Unit scope, Period period, long doses, int pack) {
        List<DoseScenario> saved = scenarios.list();
        TextField name = new TextField(getTranslation("vaccines.scenario.name"));
        name.setId("scenario-name");
        name.setMaxLength(DoseScenario.LONGEST_NAME);
        params.get("scenario").ifPresent(name::setValue);
        Button save = new Button(getTranslation("vaccines.scenario.save"), click -> {
            try {
                DoseScenario scenario = new DoseScenario(name.getValue(), kpi.id(), scope.code(), period.code(), doses, pack, List.copyOf(stock.values()),
                        data.user().name(), Instant.now());
                scenarios.save(scenario);
                scenarioOpened = scenario.name();
                Notification.show(getTranslation("vaccines.scenario.saved", scenario.name()));
                ViewParams.of("scenario", scenario.name()).go(PATH);
            } catch (IllegalArgumentException e) {
                name.setInvalid(true);
                name.setErrorMessage(getTranslation("vaccines.scenario.unnamed", DoseScenario.LONGEST_NAME));
            }
        });
        save.setId("save-scenario");
        var open = Pickers.picker("scenario", getTranslation("vaccines.scenario.open"), saved,
                scenario -> scenario.name() + " · " + scenario.savedBy() + " · " + formats.time(scenario.savedAt()),
                saved.stream().filter(scenario -> params.get("scenario").map(scenario.name()::equals).orElse(false)).findFirst().orElse(null),
                chosen -> {
                    scenarioOpened = null;
                    ViewParams.of("scenario", chosen.name()).go(PATH);
                }, "24em");
        FlexLayout controls = new FlexLayout(name, save, open);
        controls.addClassName("toolbar");
        controls.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        controls.setAlignItems(Alignment.END);
        return controls;
    }

    static boolean isVaccineCoverage(Kpi kpi) {
        return kpi.domain().equals("vaccination") && kpi.persons() && kpi.denominator() != null && kpi.unit().equals("%")
                && kpi.direction() == Direction.HIGHER;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.short") + " · " + getTranslation("title.vaccines");
    }
}
