package vn.ioc.ui.planning;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import vn.ioc.analytics.catalogue.Direction;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.planning.SchoolAssumptions;
import vn.ioc.analytics.planning.SchoolLevel;
import vn.ioc.analytics.planning.SchoolPlaces;
import vn.ioc.analytics.units.Unit;
import vn.ioc.ui.base.SimulatedDataLabel;
import vn.ioc.ui.base.DataStamp;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.base.MainLayout;
import vn.ioc.ui.base.Pickers;
import vn.ioc.ui.base.PhoneColumns;
import vn.ioc.ui.base.UnitLinks;
import vn.ioc.ui.base.ViewParams;
import vn.ioc.ui.data.DashboardData;
import vn.ioc.ui.data.DashboardData.SchoolQuery;
import vn.ioc.ui.data.Fresh;
import vn.ioc.ui.export.Downloads;
import vn.ioc.ui.map.ChoroplethMap;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * School places of a province's communes for the next five school years, under adjustable assumptions:
 * {@code planning/schools?province=01&level=primary&year=5&primary=100&migration=1&births=95&class=35}; the ranking
 * and the map show the largest gaps of the level and year chosen.
 */
@Route(value = "planning/schools", layout = MainLayout.class)
@RolesAllowed({"PLANNER", "ADMIN"})
public final class SchoolPlanView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    static final String PATH = "planning/schools";
    private final DashboardData data;

    public SchoolPlanView(DashboardData data) {
        this.data = data;
        addClassName("planning");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        ViewParams params = ViewParams.of(event.getLocation().getQueryParameters());
        Formats formats = new Formats(getLocale());
        List<Unit> provinces = data.catalogue().provinces();
        Unit province = ViewParams.found(() -> data.catalogue().unit(params.get("province").orElseGet(() -> data.user().province()
                .orElse(provinces.getFirst().code()))));
        if (!provinces.contains(province)) {
            throw ViewParams.notFound("school places are planned for the communes of a province, not for " + province.name());
        }
        Period period = params.period(data.latestMonth());
        SchoolLevel level = ViewParams.found(() -> params.get("level").map(name -> SchoolLevel.valueOf(name.toUpperCase(Locale.ROOT)))
                .orElse(SchoolLevel.PRIMARY));
        int yearsAhead = ViewParams.found(() -> params.get("year").map(SchoolPlanView::yearsAhead).orElse(SchoolPlan.yearsAhead().getLast()));
        SchoolAssumptions assumptions = ViewParams.found(() -> assumptions(params));
        Fresh<List<SchoolPlaces>> places = data.schoolPlaces(new SchoolQuery(province.code(), period.code()));
        SchoolPlan plan = SchoolPlan.project(places.value(), assumptions, YearMonth.from(period.end()));

        FlexLayout toolbar = new FlexLayout(
                Pickers.unit(formats, getTranslation("schools.province"), provinces, province, chosen -> params.with("province", chosen.code()).go(PATH)),
                Pickers.period(formats, getTranslation("picker.period"), data.latestMonth(), period, chosen -> params.with("period", chosen.code()).go(PATH)),
                Pickers.picker("level", getTranslation("schools.level"), Arrays.asList(SchoolLevel.values()), chosen -> getTranslation("school." + chosen.name()),
                        level, chosen -> params.with("level", chosen.name().toLowerCase(Locale.ROOT)).go(PATH), null),
                Pickers.picker("year", getTranslation("schools.year"), SchoolPlan.yearsAhead(), ahead -> SchoolPlanExport.schoolYear(plan, ahead),
                        yearsAhead, chosen -> params.with("year", chosen.toString()).go(PATH), null));
        toolbar.addClassName("toolbar");
        toolbar.setFlexWrap(FlexLayout.FlexWrap.WRAP);

        String title = getTranslation("schools.title") + " · " + formats.name(province) + " · " + formats.period(period);
        String assumed = describe(formats, assumptions);
        SchoolPlanExport export = new SchoolPlanExport(formats, this::getTranslation, code -> formats.name(data.catalogue().unit(code)));
        String file = "school-places-" + province.code() + "-" + period.code();
        FlexLayout exports = new FlexLayout();
        Downloads.table(this::getTranslation, SimulatedDataLabel.text(this::getTranslation, formats, data), "gaps", file, () -> export.table(plan, province.code(), period.code())).forEach(exports::add);
        exports.add(Downloads.link("pdf", getTranslation("export.pdf"), file + "-" + level.name().toLowerCase(Locale.ROOT) + ".pdf", Downloads.PDF,
                        out -> export.pdf(plan, level, yearsAhead, title, assumed, SimulatedDataLabel.text(this::getTranslation, formats, data), out)));
        exports.addClassName("toolbar");

        List<SchoolPlan.CommuneGaps> ranking = plan.ranking(level, yearsAhead);
        Map<String, Double> gaps = new LinkedHashMap<>();
        ranking.forEach(commune -> gaps.put(commune.commune().code(), commune.in(yearsAhead).seatGap()));
        List<Unit> communes = places.value().stream().map(commune -> data.catalogue().unit(commune.code())).toList();
        add(new H2(title), toolbar, assumptionInputs(params, assumptions), new Paragraph(assumed), new DataStamp(formats, List.of(places)),
                new H3(getTranslation("schools.summary", SchoolPlanExport.schoolYear(plan, yearsAhead))), summaries(formats, plan, yearsAhead), exports,
                new H3(getTranslation("schools.ranking", getTranslation("school." + level.name()), SchoolPlanExport.schoolYear(plan, yearsAhead))),
                rankingGrid(formats, plan, ranking, yearsAhead, period),
                new H3(getTranslation("schools.map", getTranslation("school." + level.name()), SchoolPlanExport.schoolYear(plan, yearsAhead))),
                new Paragraph(getTranslation("schools.map.tiles")),
                ChoroplethMap.tiles(communes, new ChoroplethMap.Shading(gaps, Direction.LOWER, gap -> SchoolPlanExport.signed(formats, gap)), formats,
                        commune -> UnitLinks.page(commune, null, period.code())));
    }

    private static int yearsAhead(String year) {
        int ahead = Integer.parseInt(year);
        if (!SchoolPlan.yearsAhead().contains(ahead)) {
            throw new IllegalArgumentException("year must be 1 to " + SchoolPlan.yearsAhead().getLast() + " school years ahead, not " + year);
        }
        return ahead;
    }

    /** The assumptions in the URL, each defaulting to the national norm: enrolment and rates in percent. */
    private static SchoolAssumptions assumptions(ViewParams params) {
        SchoolAssumptions standard = SchoolAssumptions.standard();
        Map<SchoolLevel, Double> enrolment = new EnumMap<>(SchoolLevel.class);
        for (SchoolLevel level : SchoolLevel.values()) {
            enrolment.put(level, params.get(level.name().toLowerCase(Locale.ROOT)).map(value -> Double.parseDouble(value) / 100)
                    .orElse(standard.enrolment().get(level)));
        }
        return new SchoolAssumptions(enrolment, params.get("migration").map(value -> Double.parseDouble(value) / 100).orElse(standard.netMigration()),
                params.get("births").map(value -> Double.parseDouble(value) / 100).orElse(standard.birthsRelative()),
                params.get("class").map(Integer::parseInt).orElse(standard.classSize()));
    }

    private FlexLayout assumptionInputs(ViewParams params, SchoolAssumptions assumptions) {
        Map<String, NumberField> percents = new LinkedHashMap<>();
        for (SchoolLevel level : SchoolLevel.values()) {
            percents.put(level.name().toLowerCase(Locale.ROOT), percentField(getTranslation("schools.enrolment", getTranslation("school." + level.name())),
                    assumptions.enrolment().get(level)));
        }
        percents.put("migration", percentField(getTranslation("schools.migration"), assumptions.netMigration()));
        percents.put("births", percentField(getTranslation("schools.births"), assumptions.birthsRelative()));
        IntegerField classSize = new IntegerField(getTranslation("schools.class"));
        classSize.setId("class");
        classSize.setMin(1);
        classSize.setValue(assumptions.classSize());
        Button apply = new Button(getTranslation("schools.apply"), click -> {
            ViewParams next = params;
            for (Map.Entry<String, NumberField> field : percents.entrySet()) {
                if (field.getValue().getValue() != null) {
                    next = next.with(field.getKey(), Double.toString(field.getValue().getValue()));
                }
            }
            if (classSize.getValue() != null) {
                next = next.with("class", classSize.getValue().toString());
            }
            next.go(PATH);
        });
        apply.setId("apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        percents.forEach((id, field) -> field.setId(id));
        FlexLayout inputs = new FlexLayout();
        percents.values().forEach(inputs::add);
        inputs.add(classSize, apply);
        inputs.addClassName("toolbar");
        inputs.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        inputs.setAlignItems(Alignment.END);
        return inputs;
    }

    private static NumberField percentField(String label, double share) {
        NumberField field = new NumberField(label);
        field.setValue(Math.round(share * 1000) / 10.0);
        field.setStep(0.1);
        field.setSuffixComponent(new Span("%"));
        field.setWidth("11em");
        return field;
    }

    private String describe(Formats formats, SchoolAssumptions assumptions) {
        StringBuilder enrolment = new StringBuilder();
        for (SchoolLevel level : SchoolLevel.values()) {
            enrolment.append(enrolment.isEmpty() ? "" : ", ").append(getTranslation("school." + level.name())).append(' ')
                    .append(formats.number(assumptions.enrolment().get(level) * 100, 1)).append(" %");
        }
        return getTranslation("schools.assumed", enrolment, formats.number(assumptions.netMigration() * 100, 1),
                formats.number(assumptions.birthsRelative() * 100, 1), formats.count(assumptions.classSize()));
    }

    private Grid<SchoolPlan.LevelSummary> summaries(Formats formats, SchoolPlan plan, int yearsAhead) {
        Grid<SchoolPlan.LevelSummary> grid = new Grid<>();
        PhoneColumns.fit(grid);
        grid.setId("levels");
        grid.setItems(plan.summaries(yearsAhead));
        grid.addColumn(summary -> getTranslation("school." + summary.level().name())).setHeader(getTranslation("schools.level")).setAutoWidth(true);
        grid.addColumn(summary -> formats.number(summary.pupils(), 0)).setHeader(getTranslation("schools.pupils")).setAutoWidth(true);
        grid.addColumn(summary -> formats.count(summary.seats())).setHeader(getTranslation("schools.seats")).setAutoWidth(true);
        grid.addColumn(summary -> formats.number(summary.seatsMissing(), 0)).setHeader(getTranslation("schools.missing")).setAutoWidth(true);
        grid.addColumn(summary -> formats.number(summary.seatsSpare(), 0)).setHeader(getTranslation("schools.spare")).setAutoWidth(true);
        grid.addColumn(summary -> formats.count(summary.classroomsMissing())).setHeader(getTranslation("schools.build")).setAutoWidth(true);
        grid.addColumn(summary -> formats.count(summary.communesShort())).setHeader(getTranslation("schools.short")).setAutoWidth(true);
        grid.addColumn(summary -> formats.count(summary.communesSurplus())).setHeader(getTranslation("schools.surplus")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Grid<SchoolPlan.CommuneGaps> rankingGrid(Formats formats, SchoolPlan plan, List<SchoolPlan.CommuneGaps> ranking, int yearsAhead, Period period) {
        Grid<SchoolPlan.CommuneGaps> grid = new Grid<>();
        PhoneColumns.fit(grid);
        grid.setId("gaps");
        grid.setItems(ranking);
        grid.addColumn(gaps -> ranking.indexOf(gaps) + 1).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(gaps -> {
            Unit commune = data.catalogue().unit(gaps.commune().code());
            return new Anchor(UnitLinks.page(commune, null, period.code()), formats.name(commune));
        }).setHeader(getTranslation("schools.commune")).setAutoWidth(true).setFrozen(true);
        grid.addColumn(gaps -> formats.number(gaps.in(yearsAhead).pupils(), 0)).setHeader(getTranslation("schools.pupils")).setAutoWidth(true);
        grid.addColumn(gaps -> formats.count(gaps.in(yearsAhead).seats())).setHeader(getTranslation("schools.seats")).setAutoWidth(true);
        for (int ahead : SchoolPlan.yearsAhead()) {
            grid.addColumn(gaps -> SchoolPlanExport.signed(formats, gaps.in(ahead).seatGap()))
                    .setHeader(getTranslation("schools.gap.in", SchoolPlanExport.schoolYear(plan, ahead)))
                    .setComparator(gaps -> gaps.in(ahead).seatGap()).setAutoWidth(true)
                    .setPartNameGenerator(gaps -> gaps.in(ahead).seatGap() > 0 ? "short" : null);
        }
        grid.addColumn(gaps -> formats.count(gaps.in(yearsAhead).classrooms())).setHeader(getTranslation("schools.classrooms")).setAutoWidth(true);
        grid.addColumn(gaps -> formats.count(gaps.in(yearsAhead).classroomsMissing())).setHeader(getTranslation("schools.build"))
                .setComparator(gaps -> gaps.in(yearsAhead).classroomsMissing()).setAutoWidth(true);
        grid.addColumn(gaps -> gaps.surplusThroughout() ? getTranslation("schools.nobuild") : "").setHeader(getTranslation("schools.flag")).setAutoWidth(true)
                .setPartNameGenerator(gaps -> gaps.surplusThroughout() ? "over" : null);
        grid.setAllRowsVisible(ranking.size() <= 40);
        return grid;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.short") + " · " + getTranslation("title.schools");
    }
}
