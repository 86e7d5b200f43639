package vn.ioc.ui.alerts;

import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.period.Period;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.data.Catalogue;
import vn.ioc.ui.export.Texts;


/** An alert in words, for the Alerts page, the walls' banner and the mail: what fired, where, for which month. */
public final class AlertText {
    private AlertText() {
    }

    /** "Hà Nội · Tỷ lệ ... · Tháng 10/2026: 93,9 %, dưới ngưỡng 95,0 %". */
    public static String of(Texts texts, Formats formats, Catalogue catalogue, AlertFiring firing) {
        Kpi kpi = catalogue.kpi(firing.kpi());
        return formats.name(catalogue.unit(firing.unit())) + " · " + formats.name(kpi) + " · " + formats.period(Period.parse(firing.period()))
                + ": " + reason(texts, formats, kpi, firing);
    }

    /** Why the rule fired: the value against the threshold, off track, places lost, no data. */
    public static String reason(Texts texts, Formats formats, Kpi kpi, AlertFiring firing) {
        return switch (firing.kind()) {
            case BELOW, ABOVE -> texts.get("alerts.reason." + firing.kind().name(), formats.value(kpi, firing.value()), formats.value(kpi, firing.threshold()));
            case OFF_TRACK -> texts.get("alerts.reason.OFF_TRACK", formats.value(kpi, firing.value()));
            case RANK_DROP -> texts.get("alerts.reason.RANK_DROP", firing.places(), formats.value(kpi, firing.value()));
            case DATA_MISSING -> texts.get("alerts.reason.DATA_MISSING");
            case LIVE_BACKLOG -> texts.get("alerts.reason.LIVE_BACKLOG", formats.count(Math.round(firing.value())), formats.count(Math.round(firing.threshold())));
        };
    }

    /** What a rule watches, in words: "dưới 95,0 %", "mất từ 3 hạng"... */
    public static String rule(Texts texts, Formats formats, Kpi kpi, AlertRule rule) {
        return switch (rule.kind()) {
            case BELOW, ABOVE -> texts.get("alerts.rule." + rule.kind().name(), formats.value(kpi, rule.threshold()));
            case LIVE_BACKLOG -> texts.get("alerts.rule.LIVE_BACKLOG", formats.count(Math.round(rule.threshold())));
            case RANK_DROP -> texts.get("alerts.rule.RANK_DROP", rule.places());
            case OFF_TRACK, DATA_MISSING -> texts.get("alerts.rule." + rule.kind().name());
        };
    }
}
