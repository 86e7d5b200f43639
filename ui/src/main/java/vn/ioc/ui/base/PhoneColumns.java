package vn.ioc.ui.base;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.shared.Registration;

import java.util.List;

/**
 * A table on a phone: its cells wrap instead of cutting names, and the columns of least use are hidden while the
 * window is narrower than {@link #PHONE_WIDTH} (shown again when it widens).
 */
public final class PhoneColumns {
    /** The width, in CSS pixels, under which a window is a phone's (the style sheet's breakpoint). */
    public static final int PHONE_WIDTH = 640;

    private PhoneColumns() {
    }

    @SafeVarargs
    public static <T> void fit(Grid<T> grid, Grid.Column<T>... lowPriority) {
        fit(grid, List.of(lowPriority));
    }

    public static <T> void fit(Grid<T> grid, List<Grid.Column<T>> lowPriority) {
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        List<Grid.Column<T>> hidden = List.copyOf(lowPriority);
        grid.addAttachListener(attach -> {
            Page page = attach.getUI().getPage();
            page.retrieveExtendedClientDetails(details -> show(hidden, details.getWindowInnerWidth()));
            Registration resized = page.addBrowserWindowResizeListener(resize -> show(hidden, resize.getWidth()));
            grid.addDetachListener(detach -> {
                resized.remove();
                detach.unregisterListener();
            });
        });
    }

    private static <T> void show(List<Grid.Column<T>> columns, int width) {
        columns.forEach(column -> column.setVisible(width >= PHONE_WIDTH));
    }
}
