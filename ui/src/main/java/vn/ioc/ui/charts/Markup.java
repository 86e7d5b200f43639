package vn.ioc.ui.charts;

import com.vaadin.flow.component.html.Div;

/**
 * A box holding markup drawn here (SVG of charts, sparklines and maps), set as its inner HTML as it is. Vaadin's
 * {@code Html} parses its markup on the server first, which for a chart or a map cost more than drawing it.
 */
public final class Markup {
    private Markup() {
    }

    /** A {@code div} of class {@code className} holding {@code markup}, which must be well-formed and escaped by what drew it. */
    public static Div of(String className, String markup) {
        Div box = new Div();
        box.addClassName(className);
        box.getElement().setProperty("innerHTML", markup);
        return box;
    }
}
