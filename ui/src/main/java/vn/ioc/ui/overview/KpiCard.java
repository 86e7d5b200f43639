package vn.ioc.ui.overview;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.pace.Pace;
import vn.ioc.analytics.values.KpiValue;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.base.KpiFigure;
import vn.ioc.ui.base.PaceNote;
import vn.ioc.ui.base.StatusBadge;
import vn.ioc.ui.charts.Sparkline;

import java.util.List;
import java.util.Optional;

/**
 * One indicator at a glance: value, target, status colour, change since the previous period, recent trend, and for a
 * month, whether the target is reached in time at the recent pace.
 */
final class KpiCard extends Div {
    /** {@code lineage}: the button saying where the value comes from, where there is one. */
    KpiCard(Formats formats, Kpi kpi, List<KpiValue> series, Optional<Pace> pace, String link, Optional<? extends Component> lineage) {
        KpiValue current = series.getLast();
        addClassNames("kpi-card", StatusBadge.cssClass(current.status()));
        getElement().setAttribute("data-kpi", kpi.id());
        Anchor name = new Anchor(link, formats.name(kpi));
        name.addClassName("kpi-name");
        KpiFigure value = new KpiFigure(formats, kpi, current);
        Span target = new Span(current.target() == null ? getTranslation("card.notarget")
                : getTranslation("card.target", formats.value(kpi, current.target())));
        target.addClassName("kpi-target");
        Double previous = series.size() > 1 ? series.get(series.size() - 2).value() : null;
        Double change = current.value() == null || previous == null ? null : current.value() - previous;
        Span delta = new Span((!Formats.moved(change) ? "" : change > 0 ? "▲ " : "▼ ")
                + getTranslation("card.change", formats.change(change)));
        delta.addClassName("kpi-change");
        if (Formats.moved(change)) {
            delta.addClassName(kpi.direction().meets(current.value(), previous) ? "better" : "worse");
        }
        Div figure = new Div(value);
        figure.addClassName("kpi-figure");
        lineage.ifPresent(figure::add);
        add(name, figure, target, delta);
        pace.ifPresent(known -> add(new PaceNote(formats, kpi, known)));
        add(new StatusBadge(current.status()), Sparkline.of(series.stream().map(KpiValue::value).toList()));
    }
}
