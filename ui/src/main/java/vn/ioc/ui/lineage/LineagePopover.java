package vn.ioc.ui.lineage;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import com.vaadin.flow.component.popover.PopoverVariant;

/**
 * The one popover of a browser tab that says where a figure comes from: added to the UI when an "i" is first clicked,
 * moved to the "i" clicked and filled for it. One per tab, not one per figure: a page shows dozens of figures, and
 * every popover made with a page was sent to the browser with it.
 */
public final class LineagePopover extends Popover {
    private LineagePopover() {
        addClassName("lineage-popover");
        setOpenOnClick(false);
        setPosition(PopoverPosition.BOTTOM);
        addThemeVariants(PopoverVariant.ARROW);
        setWidth("min(34rem, 92vw)");
    }

    /** The tab's popover, added to it on first use. */
    static LineagePopover of(UI ui) {
        LineagePopover popover = ComponentUtil.getData(ui, LineagePopover.class);
        if (popover == null) {
            popover = new LineagePopover();
            ComponentUtil.setData(ui, LineagePopover.class, popover);
            ui.add(popover);
        }
        return popover;
    }

    /** Shows {@code content} beside {@code target}. */
    void show(LineageButton target, String title, Div content) {
        removeAll();
        add(content);
        setAriaLabel(title);
        // The browser's popover is moved and opened in one step (the target first), and tells the server it opened.
        getElement().executeJs("this.target = $0; this.opened = true;", target.getElement());
    }
}
