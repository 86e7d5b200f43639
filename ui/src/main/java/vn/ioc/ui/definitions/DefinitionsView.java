package vn.ioc.ui.definitions;

import java.util.Map;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.catalogue.Measure;
import vn.ioc.analytics.index.IndexDefinition;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.base.MainLayout;
import vn.ioc.ui.data.Catalogue;
import vn.ioc.ui.data.DashboardData;

import java.util.Locale;
import java.util.stream.Collectors;

/** Every indicator as the catalogue defines it (formula, unit, direction, targets, thresholds, breakdowns, source), and the composite indices. */
@Route(value = "definitions", layout = MainLayout.class)
@PermitAll
public final class DefinitionsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final DashboardData data;

    public DefinitionsView(DashboardData data) {
        this.data = data;
        addClassName("definitions");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Formats formats = new Formats(getLocale());
        Catalogue catalogue = data.catalogue();
        add(new H2(getTranslation("definitions.title")));
        String domain = null;
        for (Kpi kpi : catalogue.kpis()) {
            if (!kpi.domain().equals(domain)) {
                domain = kpi.domain();
                add(new H3(getTranslation("domain." + domain)));
            }
            Div entry = new Div();
            entry.addClassName("definition");
            entry.setId("def-" + kpi.id().replace('.', '-'));
            entry.add(new H4(formats.name(kpi)), new Span(kpi.id()), new Paragraph(formats.text(kpi.definition())),
                    line("definitions.formula", formula(formats, kpi)),
                    line("definitions.unit", formats.unit(kpi)),
                    line("definitions.direction", getTranslation("definitions.direction." + kpi.direction().name().toLowerCase(Locale.ROOT))),
                    line("definitions.targets", kpi.targets().isEmpty() ? "—" : kpi.targets().entrySet().stream().sorted(Map.Entry.comparingByKey())
                            .map(target -> target.getKey() + ": " + formats.value(kpi, target.getValue())).collect(Collectors.joining("; "))),
                    line("definitions.thresholds", kpi.thresholds() == null ? "—"
                            : formats.value(kpi, kpi.thresholds().green()) + " / " + formats.value(kpi, kpi.thresholds().amber())),
                    line("definitions.breakdowns", kpi.breakdowns().isEmpty() ? "—"
                            : kpi.breakdowns().stream().map(b -> getTranslation("breakdown." + b)).collect(Collectors.joining(", "))),
                    line("definitions.source", formats.text(kpi.source())));
            add(entry);
        }
        add(new H3(getTranslation("definitions.indices")));
        for (IndexDefinition index : catalogue.indices()) {
            Div entry = new Div(new H4(formats.text(index.name())), new Span(index.id()));
            entry.addClassName("definition");
            for (IndexDefinition.Group group : index.groups()) {
                entry.add(line(null, formats.text(group.name()) + " (" + getTranslation("definitions.weight") + " " + formats.number(group.weight(), 0) + "): "
                        + group.components().stream().map(component -> formats.name(catalogue.kpi(component.kpi()))).collect(Collectors.joining(", "))));
            }
            entry.add(line("definitions.source", formats.text(index.source())));
            add(entry);
        }
    }

    private Paragraph line(String label, String text) {
        Paragraph line = new Paragraph();
        if (label != null) {
            Span name = new Span(getTranslation(label) + ": ");
            name.addClassName("label");
            line.add(name);
        }
        line.add(text == null || text.isBlank() ? "—" : text);
        return line;
    }

    private String formula(Formats formats, Kpi kpi) {
        if (kpi.communeShare() != null) {
            Kpi over = data.catalogue().kpi(kpi.communeShare().kpi());
            return getTranslation("definitions.share", formats.name(over), formats.value(over, kpi.communeShare().bar()));
        }
        String numerator = measure(kpi.numerator());
        String factor = kpi.factor() == 1 ? "" : " × " + (kpi.factor() == Math.rint(kpi.factor()) ? Long.toString((long) kpi.factor()) : Double.toString(kpi.factor()));
        return kpi.denominator() == null ? numerator + factor : "(" + numerator + ") / (" + measure(kpi.denominator()) + ")" + factor;
    }

    private static String measure(Measure measure) {
        return measure.value() + " [" + measure.fact().name().toLowerCase(Locale.ROOT) + (measure.where() == null ? "" : " | " + measure.where())
                + (measure.window() == null ? "" : ", " + measure.window().name().toLowerCase(Locale.ROOT)) + "]";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.short") + " · " + getTranslation("title.definitions");
    }
}
