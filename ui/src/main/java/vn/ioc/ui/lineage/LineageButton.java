package vn.ioc.ui.lineage;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.lineage.Lineage;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.service.AnalyticsService.ValueQuery;
import vn.ioc.analytics.units.Unit;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.data.DashboardData;
import vn.ioc.ui.data.WarehouseUnavailableException;

import java.util.Optional;

/**
 * The "i" beside a figure: opens the tab's {@link LineagePopover} saying where the figure comes from (see
 * {@link LineageText}), read when clicked. Offered only to those who see the unit's detail, since it holds the unit's data quality.
 */
public final class LineageButton extends Button {
    private LineageButton(DashboardData data, Formats formats, Kpi kpi, Unit unit, Period period, String label) {
        super("i");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        addClassName("lineage-button");
        String title = getTranslation("lineage.button") + (label.isEmpty() ? "" : ": " + label);
        setAriaLabel(title);
        // The browser's own tooltip: a page has dozens of these, and a tooltip component each weighed on every page.
        getElement().setAttribute("title", title);
        getElement().setAttribute("data-lineage", kpi.id() + "@" + unit.code() + "@" + period.code());
        addClickListener(click -> getUI().ifPresent(ui -> LineagePopover.of(ui).show(this, title, content(data, formats, kpi, unit, period, title))));
    }

    /** The button for a figure, where the signed-in user may see where it comes from; {@code label} names the point (a month on a chart). */
    public static Optional<LineageButton> of(DashboardData data, Formats formats, Kpi kpi, Unit unit, Period period, String label) {
        return data.seesDetailOf(unit) ? Optional.of(new LineageButton(data, formats, kpi, unit, period, label)) : Optional.empty();
    }

    public static Optional<LineageButton> of(DashboardData data, Formats formats, Kpi kpi, Unit unit, Period period) {
        return of(data, formats, kpi, unit, period, "");
    }

    /** The button as a chart's hotspot: no text of its own, laid over a point (see the charts' hotspots). */
    public LineageButton asPoint() {
        setText("");
        removeThemeVariants(ButtonVariant.LUMO_SMALL);
        removeClassName("lineage-button");
        addClassName("lineage-point");
        return this;
    }

    private Div content(DashboardData data, Formats formats, Kpi kpi, Unit unit, Period period, String title) {
        Div box = new Div();
        box.addClassName("lineage");
        box.add(new H4(title));
        box.add(new Paragraph(formats.name(kpi) + " · " + formats.name(unit) + " · " + formats.period(period)));
        try {
            Lineage lineage = data.lineage(new ValueQuery(kpi.id(), unit.code(), period.code())).value();
            for (LineageText.Section section : LineageText.sections(this::getTranslation, formats, kpi, lineage)) {
                Div part = new Div();
                part.addClassName("lineage-section");
                part.add(new H4(section.heading()));
                section.lines().forEach(line -> part.add(new Paragraph(line)));
                box.add(part);
            }
        } catch (WarehouseUnavailableException e) {
            box.add(new Paragraph(getTranslation("lineage.unavailable")));
        }
        return box;
    }
}
