package vn.ioc.ui.access;

import org.springframework.security.access.AccessDeniedException;

import java.util.Optional;

/**
 * A request outside the signed-in user's scope: what was refused ({@link Reason}), for which unit, and the user's own
 * province, so that the refusal can be said in the user's language; the message is for the log and the API.
 */
public final class ScopeRefusal extends AccessDeniedException {
    /** What the scoping rule keeps to a province's own leaders, to planners, or what a wall device may not open. */
    public enum Reason {
        /** A province's communes (their figures, rankings, index, briefing). */
        COMMUNES,
        /** A province's (or the nation's) data quality. */
        QUALITY,
        /** The planning tools. */
        PLANNING,
        /** Setting alert rules, or acknowledging alerts, outside the user's province (admins: anywhere). */
        ALERTS,
        /** Anything but its wall, for a wall device. */
        WALL_ONLY
    }

    private final Reason reason;
    private final String asked;
    private final Optional<String> own;

    /** {@code asked}: the unit code refused (or empty for planning and wall refusals); {@code own}: the user's province. */
    public ScopeRefusal(Reason reason, String asked, Optional<String> own, String message) {
        super(message);
        this.reason = reason;
        this.asked = asked;
        this.own = own;
    }

    public Reason reason() {
        return reason;
    }

    public String asked() {
        return asked;
    }

    public Optional<String> own() {
        return own;
    }
}
