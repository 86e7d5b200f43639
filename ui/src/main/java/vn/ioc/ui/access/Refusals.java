package vn.ioc.ui.access;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Objects;

/**
 * Every refusal of the dashboard, logged once (who, what they asked for, why; never a password or token) and counted
 * by reason ({@code ioc_dashboard_refusals_total}): scope refusals, wall devices off their wall, failed sign-ins,
 * requests the web server could not read.
 */
@Component
public final class Refusals {
    private static final Logger LOG = LoggerFactory.getLogger("vn.ioc.ui.access.refused");
    private final MeterRegistry meters;

    public Refusals(MeterRegistry meters) {
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    /** A scope refusal: the user and what they asked for. */
    public void refused(ScopeRefusal.Reason reason, Object who, String what) {
        refused(reason.name().toLowerCase(Locale.ROOT).replace('_', '-'), String.valueOf(who), what);
    }

    /** {@code reason}: a short fixed word (it names a metric's series); {@code who}: the account, or what is known of the caller. */
    public void refused(String reason, String who, String what) {
        LOG.warn("{} ({}): {}", printable(who), reason, printable(what));
        meters.counter("ioc.dashboard.refusals", "reason", reason).increment();
    }

    /** What a caller chose (a name typed at sign-in) cannot forge a log line: control characters are shown as {@code ?}. */
    private static String printable(String text) {
        return text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
