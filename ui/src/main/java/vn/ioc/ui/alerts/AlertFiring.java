package vn.ioc.ui.alerts;

import java.time.Instant;
import java.util.List;

/**
 * One firing of a rule: the unit (and its province, whose walls and leaders are told), the indicator, the month, the
 * value that fired it (null where there is none), when; who acknowledged it and when; and how mailing it went.
 */
public record AlertFiring(String id, String rule, AlertRule.Kind kind, String kpi, String unit, String province, String period, Double value,
                          Double threshold, Integer places, Instant firedAt, String acknowledgedBy, Instant acknowledgedAt, Mail mail) {
    public AlertFiring {
        mail = mail == null ? Mail.NONE : mail;
    }

    /** The key a rule fires once for: the rule, the unit and the month. */
    public String key() {
        return rule + "/" + unit + "/" + period;
    }

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }

    public AlertFiring acknowledge(String by, Instant at) {
        return new AlertFiring(id, rule, kind, kpi, unit, province, period, value, threshold, places, firedAt, by, at, mail);
    }

    public AlertFiring withMail(Mail mailed) {
        return new AlertFiring(id, rule, kind, kpi, unit, province, period, value, threshold, places, firedAt, acknowledgedBy, acknowledgedAt, mailed);
    }

    /**
     * How mailing the firing to its province's leaders went: {@code NONE} (no recipients or no mail server configured),
     * {@code PENDING} (to be tried again after {@code attempts} tries; the last error kept), {@code SENT} or
     * {@code FAILED} (given up after the last try).
     */
    public record Mail(Status status, int attempts, List<String> to, String error, Instant last) {
        public static final Mail NONE = new Mail(Status.NONE, 0, List.of(), "", null);

        public Mail {
            to = to == null ? List.of() : List.copyOf(to);
            error = error == null ? "" : error;
        }

        public enum Status { NONE, PENDING, SENT, FAILED }
    }
}
