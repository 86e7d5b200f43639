package vn.ioc.ui.lineage;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import com.vaadin.flow.component.popover.PopoverVariant;
import com.vaadin.flow.dom.Element;
import vn.ioc.analytics.lineage.Lineage;
import vn.ioc.analytics.service.AnalyticsService.ValueQuery;
import vn.ioc.ui.data.WarehouseUnavailableException;

/**
 * The one popover of a browser tab that says where a figure comes from: added to the UI when an "i" is first clicked,
 * moved to the "i" clicked and filled for its figure, read then. One per tab, not one per figure: a page shows dozens
 * of figures, and every popover made with a page was sent to the browser with it.
 */
public final class LineagePopover extends Popover {
    private LineagePopover() {
        addClassName("lineage-popover");
        setOpenOnClick(false);
        // Focus moves into it when it opens, so that Escape closes it wherever the "i" was (a grid keeps Escape for itself).
        setAutofocus(true);
        setPosition(PopoverPosition.BOTTOM);
        addThemeVariants(PopoverVariant.ARROW);
        setWidth("min(34rem, 92vw)");
    }

    /** The tab's popover, added to it on first use. */
    public static LineagePopover of(UI ui) {
        LineagePopover popover = ComponentUtil.getData(ui, LineagePopover.class);
        if (popover == null) {
            popover = new LineagePopover();
            ComponentUtil.setData(ui, LineagePopover.class, popover);
            ui.add(popover);
        }
        return popover;
    }

    /** Shows where {@code figure} comes from, beside {@code target}. */
    void show(Element target, LineageFigure figure) {
        fill(figure);
        // The browser's popover is moved and opened in one step (the target first); it tells the server it opened.
        getElement().executeJs("this.target = $0; this.opened = true;", target);
    }

    /** Shows where {@code figure} comes from, beside the element inside {@code container} that carries its {@code data-lineage} (a grid's cell, rendered in the browser). */
    public void showWithin(Element container, LineageFigure figure) {
        fill(figure);
        getElement().executeJs("this.target = $0.querySelector('[data-lineage=\"' + $1 + '\"]'); this.opened = !!this.target;", container, figure.id());
    }

    private void fill(LineageFigure figure) {
        String title = figure.title(this::getTranslation);
        setAriaLabel(title);
        removeAll();
        Div box = new Div();
        box.addClassName("lineage");
        box.add(new H4(title));
        box.add(new Paragraph(figure.formats().name(figure.kpi()) + " · " + figure.formats().name(figure.unit()) + " · " + figure.formats().period(figure.period())));
        try {
            Lineage lineage = figure.data().lineage(new ValueQuery(figure.kpi().id(), figure.unit().code(), figure.period().code())).value();
            for (LineageText.Section section : LineageText.sections(this::getTranslation, figure.formats(), figure.kpi(), lineage)) {
                Div part = new Div();
                part.addClassName("lineage-section");
                part.add(new H4(section.heading()));
                section.lines().forEach(line -> part.add(new Paragraph(line)));
                box.add(part);
            }
        } catch (WarehouseUnavailableException e) {
            box.add(new Paragraph(getTranslation("lineage.unavailable")));
        }
        add(box);
    }
}
