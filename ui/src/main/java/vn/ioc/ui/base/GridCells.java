package vn.ioc.ui.base;

import com.vaadin.flow.data.renderer.LitRenderer;
import vn.ioc.analytics.catalogue.Status;
import vn.ioc.ui.export.Texts;

import java.util.function.Function;

/**
 * Grid cells the browser renders from a row's values (templates, not components: a component per cell was made and
 * sent with every page, for every row shown).
 */
public final class GridCells {
    private GridCells() {
    }

    /** A link: {@code <a href>}, as an {@code Anchor} renders it. */
    public static <T> LitRenderer<T> link(Function<T, String> href, Function<T, String> text) {
        return LitRenderer.<T>of("<a href=\"${item.href}\">${item.text}</a>").withProperty("href", href::apply).withProperty("text", text::apply);
    }

    /** A status as {@link StatusBadge} shows it. */
    public static <T> LitRenderer<T> status(Texts texts, Function<T, Status> status) {
        return LitRenderer.<T>of("<span class=\"status ${item.statusClass}\">${item.status}</span>")
                .withProperty("status", row -> texts.get("status." + status.apply(row).name()))
                .withProperty("statusClass", row -> StatusBadge.cssClass(status.apply(row)));
    }
}
