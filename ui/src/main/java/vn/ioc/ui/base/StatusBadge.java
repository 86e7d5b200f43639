package vn.ioc.ui.base;

import com.vaadin.flow.component.html.Span;
import vn.ioc.analytics.catalogue.Status;

import java.util.Locale;

/** A KPI's status against its thresholds, as a coloured label. */
public final class StatusBadge extends Span {
    public StatusBadge(Status status) {
        setText(getTranslation("status." + status.name()));
        addClassNames("status", cssClass(status));
    }

    public static String cssClass(Status status) {
        return "status-" + status.name().toLowerCase(Locale.ROOT);
    }
}
