package vn.ioc.ui.base;

import com.vaadin.flow.component.html.Span;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.pace.Pace;
import vn.ioc.analytics.period.Period;
import vn.ioc.ui.export.Texts;

import java.time.YearMonth;
import java.util.Locale;

/**
 * Whether a unit reaches an indicator's target in time at its recent pace, in a line ("On track: 98 % by 10/2026");
 * its tooltip says how the pace was read. Empty for an indicator without a target ahead.
 */
public final class PaceNote extends Span {
    private static final String HORIZON_YEARS = String.valueOf(Pace.HORIZON_MONTHS / 12);

    public PaceNote(Formats formats, Kpi kpi, Pace pace) {
        this(formats, kpi, pace, false);
    }

    /** The verdict in a few words, for a table's cell ("3 months late"); its tooltip says the rest. */
    public static PaceNote brief(Formats formats, Kpi kpi, Pace pace) {
        return new PaceNote(formats, kpi, pace, true);
    }

    private PaceNote(Formats formats, Kpi kpi, Pace pace, boolean brief) {
        addClassNames("pace", cssClass(pace));
        getElement().setAttribute("data-pace", pace.verdict().name());
        setText(brief ? briefly(this::getTranslation, formats, pace) : switch (pace.verdict()) {
            case NO_TARGET -> "";
            case REACHED -> getTranslation("pace.reached", String.valueOf(pace.deadline().orElseThrow().getYear()));
            case TOO_FEW_MONTHS -> getTranslation("pace.too-few", Pace.FEWEST_MONTHS);
            case ON_TRACK -> getTranslation("pace.on-track", formats.value(kpi, pace.target()), month(formats, pace.reaches().orElseThrow()));
            case AT_RISK, OFF_TRACK -> pace.reaches()
                    .map(month -> getTranslation("pace.late." + (pace.verdict() == Pace.Verdict.AT_RISK ? "at-risk" : "off-track"),
                            month(formats, month), pace.monthsLate().orElseThrow()))
                    .orElseGet(() -> getTranslation("pace.never", HORIZON_YEARS));
        });
        setTitle(how(this::getTranslation, formats, kpi, pace));
    }

    /** The class of a verdict: {@code pace-on-track}, {@code pace-off-track}... */
    public static String cssClass(Pace pace) {
        return "pace-" + pace.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** How the pace was read and by when the target is due, as the note's tooltip says it; empty without a target ahead. */
    public static String how(Texts texts, Formats formats, Kpi kpi, Pace pace) {
        String deadline = pace.deadline().map(month -> month(formats, month)).orElse("");
        if (pace.perMonth().isPresent()) {
            return texts.get("pace.how", pointsOf(texts, formats, kpi, pace.perMonth().getAsDouble()), pace.months(),
                    pace.gaps() ? texts.get("pace.gaps") : "", pointsOf(texts, formats, kpi, pace.slowest().getAsDouble()),
                    pointsOf(texts, formats, kpi, pace.fastest().getAsDouble()), formats.value(kpi, pace.target()), deadline);
        }
        return pace.deadline().isPresent() ? texts.get("pace.due", formats.value(kpi, pace.target()), deadline) : "";
    }

    /** The verdict in a few words, as a table cell (or a printed briefing's) says it: "3 months late", "On track (10/2026)". */
    public static String briefly(Texts texts, Formats formats, Pace pace) {
        return switch (pace.verdict()) {
            case NO_TARGET -> "";
            case REACHED -> texts.get("pace.brief.reached");
            case TOO_FEW_MONTHS -> texts.get("pace.brief.too-few");
            case ON_TRACK -> texts.get("pace.brief.on-track", month(formats, pace.reaches().orElseThrow()));
            case AT_RISK, OFF_TRACK -> pace.reaches().map(month -> texts.get("pace.brief.late", pace.monthsLate().orElseThrow()))
                    .orElseGet(() -> texts.get("pace.brief.never", HORIZON_YEARS));
        };
    }

    private static String month(Formats formats, YearMonth month) {
        return formats.periodOnAxis(Period.month(month));
    }

    /** A change a month in the indicator's unit: {@code +0,6 điểm %}, {@code +1.200 liều}. */
    private static String pointsOf(Texts texts, Formats formats, Kpi kpi, double perMonth) {
        return formats.change(perMonth) + " " + (kpi.unit().equals("%") ? texts.get("pace.points") : formats.unit(kpi));
    }
}
