package vn.ioc.ui.alerts;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.base.MainLayout;
import vn.ioc.ui.base.PhoneColumns;
import vn.ioc.ui.base.UnitLinks;
import vn.ioc.ui.data.Catalogue;
import vn.ioc.ui.data.DashboardData;
import vn.ioc.ui.live.LiveBoard;

import java.util.Arrays;
import java.util.List;

/**
 * The alerts: what fired for the units the user sees (newest first), with who acknowledged it and how mailing it went;
 * and, for an admin or a provincial leader, the rules of their scope and a form to set one.
 */
@Route(value = "alerts", layout = MainLayout.class)
@PermitAll
public final class AlertsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final DashboardData data;
    private final Alerts alerts;
    private final LiveBoard live;

    public AlertsView(DashboardData data, Alerts alerts, LiveBoard live) {
        this.data = data;
        this.alerts = alerts;
        this.live = live;
        addClassName("alerts");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        draw();
    }

    private void draw() {
        removeAll();
        Formats formats = new Formats(getLocale());
        Catalogue catalogue = data.catalogue();
        add(new H2(getTranslation("title.alerts")));
        add(new H3(getTranslation("alerts.firings")));
        List<AlertFiring> firings = alerts.firings();
        if (firings.isEmpty()) {
            add(new Paragraph(getTranslation("alerts.firings.none")));
        } else {
            add(firings(formats, catalogue, firings));
        }
        if (alerts.setsRules()) {
            add(new H3(getTranslation("alerts.rules")), form(formats, catalogue));
            List<AlertRule> rules = alerts.rules();
            add(rules.isEmpty() ? new Paragraph(getTranslation("alerts.rules.none")) : rules(formats, catalogue, rules));
        }
    }

    private Grid<AlertFiring> firings(Formats formats, Catalogue catalogue, List<AlertFiring> firings) {
        Grid<AlertFiring> grid = new Grid<>();
        grid.setId("firings");
        grid.setItems(firings);
        Grid.Column<AlertFiring> fired = grid.addColumn(firing -> formats.moment(firing.firedAt())).setHeader(getTranslation("alerts.col.fired")).setWidth("9.5rem").setFlexGrow(0);
        grid.addComponentColumn(firing -> new Anchor(UnitLinks.page(catalogue.unit(firing.unit()), firing.kpi(), firing.period()),
                formats.name(catalogue.unit(firing.unit())))).setHeader(getTranslation("col.unit")).setWidth("5rem").setFlexGrow(1);
        grid.addColumn(firing -> formats.name(catalogue.kpi(firing.kpi()))).setHeader(getTranslation("alerts.col.kpi")).setWidth("5rem").setFlexGrow(2);
        grid.addColumn(firing -> AlertText.reason(this::getTranslation, formats, catalogue.kpi(firing.kpi()), firing)).setHeader(getTranslation("alerts.col.reason"))
                .setWidth("5rem").setFlexGrow(2);
        Grid.Column<AlertFiring> mail = grid.addColumn(firing -> getTranslation("alerts.mail." + firing.mail().status().name(), firing.mail().attempts(), String.join(", ", firing.mail().to()),
                firing.mail().error())).setHeader(getTranslation("alerts.col.mail")).setFlexGrow(1);
        grid.addComponentColumn(this::acknowledgement).setHeader(getTranslation("alerts.col.ack")).setWidth("7rem").setFlexGrow(1);
        grid.setPartNameGenerator(firing -> firing.acknowledged() ? null : "unacknowledged");
        // On a phone: the unit, the indicator, why and the acknowledgement, from 5 rem each (7 for the button): 22 rem in all.
        PhoneColumns.fit(grid, fired, mail);
        grid.setAllRowsVisible(firings.size() <= 30);
        return grid;
    }

    private Component acknowledgement(AlertFiring firing) {
        if (firing.acknowledged()) {
            return new Span(getTranslation("alerts.acknowledged", firing.acknowledgedBy(), new Formats(getLocale()).moment(firing.acknowledgedAt())));
        }
        if (!alerts.setsRules()) {
            return new Span(getTranslation("alerts.open"));
        }
        Button acknowledge = new Button(getTranslation("alerts.acknowledge"), click -> {
            alerts.acknowledge(firing.id());
            draw();
        });
        acknowledge.addThemeVariants(ButtonVariant.LUMO_SMALL);
        acknowledge.addClassName("acknowledge");
        return acknowledge;
    }

    private Grid<AlertRule> rules(Formats formats, Catalogue catalogue, List<AlertRule> rules) {
        Grid<AlertRule> grid = new Grid<>();
        grid.setId("rules");
        grid.setItems(rules);
        grid.addColumn(rule -> formats.name(catalogue.kpi(rule.kpi()))).setHeader(getTranslation("alerts.col.kpi")).setFlexGrow(1);
        grid.addColumn(rule -> AlertText.rule(this::getTranslation, formats, catalogue.kpi(rule.kpi()), rule)).setHeader(getTranslation("alerts.col.when"))
                .setAutoWidth(true);
        grid.addColumn(rule -> getTranslation("alerts.level." + rule.level().name(), formats.name(catalogue.unit(rule.scope()))))
                .setHeader(getTranslation("alerts.col.units")).setAutoWidth(true);
        Grid.Column<AlertRule> owner = grid.addColumn(AlertRule::owner).setHeader(getTranslation("alerts.col.owner")).setAutoWidth(true);
        grid.addComponentColumn(rule -> {
            Button remove = new Button(getTranslation("alerts.remove"), click -> {
                alerts.remove(rule.id());
                draw();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            return remove;
        }).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        PhoneColumns.fit(grid, owner);
        return grid;
    }

    /** The form that sets a rule; a refusal is shown on the field it names. */
    private Component form(Formats formats, Catalogue catalogue) {
        Select<AlertRule.Kind> kind = new Select<>();
        kind.setId("rule-kind");
        kind.setLabel(getTranslation("alerts.form.kind"));
        kind.setItems(Arrays.stream(AlertRule.Kind.values()).filter(offered -> !offered.live() || live.configured()).toList());
        kind.setItemLabelGenerator(chosen -> getTranslation("alerts.kind." + chosen.name()));
        kind.setValue(AlertRule.Kind.BELOW);
        ComboBox<Kpi> kpi = new ComboBox<>(getTranslation("alerts.form.kpi"), catalogue.kpis());
        kpi.setId("rule-kpi");
        kpi.setItemLabelGenerator(formats::name);
        kpi.setWidth("22em");
        Select<Unit> scope = new Select<>();
        scope.setId("rule-scope");
        scope.setLabel(getTranslation("alerts.form.scope"));
        List<Unit> scopes = alerts.scopes();
        scope.setItems(scopes);
        scope.setItemLabelGenerator(formats::name);
        scope.setValue(scopes.getFirst());
        Select<UnitLevel> level = new Select<>();
        level.setId("rule-level");
        level.setLabel(getTranslation("alerts.form.level"));
        level.setItems(UnitLevel.PROVINCE, UnitLevel.COMMUNE);
        level.setItemLabelGenerator(chosen -> getTranslation("alerts.form.level." + chosen.name()));
        level.setValue(scopes.getFirst().level() == UnitLevel.NATION ? UnitLevel.PROVINCE : UnitLevel.COMMUNE);
        NumberField threshold = new NumberField(getTranslation("alerts.form.threshold"));
        threshold.setId("rule-threshold");
        IntegerField places = new IntegerField(getTranslation("alerts.form.places"));
        places.setId("rule-places");
        places.setMin(1);
        Runnable shown = () -> {
            threshold.setVisible(kind.getValue() == AlertRule.Kind.BELOW || kind.getValue() == AlertRule.Kind.ABOVE || kind.getValue().live());
            kpi.setVisible(!kind.getValue().live());
            places.setVisible(kind.getValue() == AlertRule.Kind.RANK_DROP);
        };
        kind.addValueChangeListener(change -> shown.run());
        shown.run();
        Button add = new Button(getTranslation("alerts.form.add"));
        add.setId("rule-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(click -> {
            List.<HasValidation>of(kpi, threshold, places, level, scope).forEach(field -> field.setInvalid(false));
            try {
                alerts.add(new Alerts.Draft(kind.getValue(), kpi.getValue() == null ? null : kpi.getValue().id(),
                        scope.getValue() == null ? null : scope.getValue().code(), level.getValue(), threshold.getValue(), places.getValue()));
                draw();
            } catch (AlertRuleException e) {
                HasValidation field = switch (e.field()) {
                    case "threshold" -> threshold;
                    case "places" -> places;
                    case "level" -> level;
                    case "scope" -> scope;
                    case "kind" -> kind;
                    default -> kpi;
                };
                field.setErrorMessage(getTranslation(e.key(), e.parameters()));
                field.setInvalid(true);
            }
        });
        FlexLayout form = new FlexLayout(kind, kpi, scope, level, threshold, places, add);
        form.addClassNames("toolbar", "alert-form");
        form.setAlignItems(Alignment.END);
        return form;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.short") + " · " + getTranslation("title.alerts");
    }
}
