package vn.ioc.ui.lineage;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.units.Unit;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.data.DashboardData;

import java.util.Optional;

/**
 * The "i" beside a figure: opens the tab's {@link LineagePopover} saying where the figure comes from (see
 * {@link LineageText}), read when clicked. Offered only to those who see the unit's detail, since it holds the unit's
 * data quality.
 */
public final class LineageButton extends Button {
    private LineageButton(LineageFigure figure) {
        super("i");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        addClassName("lineage-button");
        String title = figure.title(this::getTranslation);
        setAriaLabel(title);
        // The browser's own tooltip: a page has dozens of these, and a tooltip component each weighed on every page.
        getElement().setAttribute("title", title);
        getElement().setAttribute("data-lineage", figure.id());
        addClickListener(click -> getUI().ifPresent(ui -> LineagePopover.of(ui).show(getElement(), figure)));
    }

    /** The button for a figure, where the signed-in user may see where it comes from; {@code label} names the point (a month on a chart). */
    public static Optional<LineageButton> of(DashboardData data, Formats formats, Kpi kpi, Unit unit, Period period, String label) {
        return LineageFigure.of(data, formats, kpi, unit, period, label).map(LineageButton::new);
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
}
