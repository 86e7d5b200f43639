package vn.ioc.ui.base;

import com.vaadin.flow.component.html.Span;
import vn.ioc.ui.data.Fresh;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * "Data as of ..." under a view's figures. When any figure is stale (the warehouse is unreachable and the last
 * answers are shown), it says so and the view asks again every few seconds until the warehouse answers.
 */
public final class DataStamp extends Span {
    public DataStamp(Formats formats, List<? extends Fresh<?>> answers) {
        boolean stale = answers.stream().anyMatch(Fresh::stale);
        Instant asOf = answers.stream().map(Fresh::asOf).min(Comparator.naturalOrder()).orElseGet(Instant::now);
        setText(getTranslation(stale ? "stamp.stale" : "stamp.fresh", formats.time(asOf)));
        addClassNames("data-stamp", stale ? "stale" : "fresh");
        if (stale) {
            Retry.whileShown(this);
        }
    }
}
