package vn.ioc.ui.lineage;

import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.units.Unit;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.data.DashboardData;
import vn.ioc.ui.export.Texts;

import java.util.Optional;

/** A figure that can say where it comes from: an indicator's value for a unit and period; {@code label} names it on its page (a month of a chart, a row's unit). */
public record LineageFigure(DashboardData data, Formats formats, Kpi kpi, Unit unit, Period period, String label) {
    /** The figure, where the signed-in user may see where it comes from: it holds the unit's data quality. */
    public static Optional<LineageFigure> of(DashboardData data, Formats formats, Kpi kpi, Unit unit, Period period, String label) {
        return data.seesDetailOf(unit) ? Optional.of(new LineageFigure(data, formats, kpi, unit, period, label)) : Optional.empty();
    }

    /** What the page's element for the figure carries as {@code data-lineage}. */
    public String id() {
        return kpi.id() + "@" + unit.code() + "@" + period.code();
    }

    /** "Where this figure comes from: 10/2026". */
    public String title(Texts texts) {
        return texts.get("lineage.button") + (label.isEmpty() ? "" : ": " + label);
    }
}
