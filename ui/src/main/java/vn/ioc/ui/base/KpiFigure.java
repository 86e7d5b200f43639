package vn.ioc.ui.base;

import com.vaadin.flow.component.html.Span;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.values.KpiValue;

import java.time.YearMonth;

/**
 * An indicator's value, large; for a period without data, says so and names the period instead of showing a number;
 * for a value as of a month before the period's last (a registry read at its latest snapshot), says "as of" that month.
 */
public final class KpiFigure extends Span {
    public KpiFigure(Formats formats, Kpi kpi, KpiValue value) {
        addClassName("kpi-value");
        getElement().setAttribute("data-kpi", kpi.id());
        if (value.value() == null) {
            addClassName("no-data");
            setText(getTranslation("card.nodata", formats.period(value.period())));
            return;
        }
        setText(formats.value(kpi, value.value()));
        getElement().setAttribute("data-value", String.valueOf(value.value()));
        if (value.asOfEarlierMonth()) {
            Span asOf = new Span(getTranslation("card.asof", formats.period(Period.month(YearMonth.from(value.asOf())))));
            asOf.addClassName("as-of");
            add(asOf);
        }
    }
}
