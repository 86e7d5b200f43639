package vn.ioc.ui.load;

import io.gatling.javaapi.core.Session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the load's sessions saw, in the Gatling JVM: each view's time as the client had it, and each failure with what
 * failed (Gatling's own checks, see {@link DashboardLoad}). A failed step is counted once and the session goes on to its
 * next view, as a user reloads. Written at the end as lines {@code sessions <n>}, {@code view <ms>} (a view once all sessions
 * have arrived), {@code arriving <ms>} (a view while they still arrive), {@code landing <ms>} (a session's first page, from
 * asking for it), {@code error <what>} and {@code wall <updates pushed to one wall screen>}.
 */
final class LoadRecord {
    /** Each view's line, {@code view <ms>}, {@code arriving <ms>} or {@code landing <ms>}. */
    private static final Queue<String> VIEWS = new ConcurrentLinkedQueue<>();
    private static final Queue<String> ERRORS = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger SIGNED_IN = new AtomicInteger();
    private static final Queue<Integer> WALL_PUSHES = new ConcurrentLinkedQueue<>();

    private static volatile long arrivingUntil = Long.MIN_VALUE;

    private LoadRecord() {
    }

    /** When the last session will have arrived ({@link System#nanoTime()}). */
    static void arrivingUntil(long nanoTime) {
        arrivingUntil = nanoTime;
    }

    /** Signed in; a refused sign-in is an error, and the session stays failed so that it ends there. */
    static Session signedIn(Session session) {
        if (!failed(session, "sign-in")) {
            SIGNED_IN.incrementAndGet();
        }
        return session;
    }

    /** A view shown (a session's first, landing, or not), from {@code started} to {@code ended}; unless a step of it failed (then an error). */
    static Session view(Session session, boolean landing, long started, long ended) {
        if (!failed(session, session.getString("location"))) {
            VIEWS.add((landing ? "landing " : started < arrivingUntil ? "arriving " : "view ") + (ended - started) / 1e6);
        }
        return session.markAsSucceeded();
    }

    /** A wall screen at the end of the load: how many updates the server pushed to it; none is an error (its picture froze). */
    static Session wallHeld(Session session) {
        int pushed = session.getInt("pushed");
        if (!failed(session, "wall " + session.getString("location"))) {
            WALL_PUSHES.add(pushed);
            if (pushed == 0) {
                ERRORS.add("wall " + session.getString("location") + ": no update pushed");
            }
        }
        return session.markAsSucceeded();
    }

    private static boolean failed(Session session, String what) {
        if (session.isFailed()) {
            ERRORS.add(what);
            return true;
        }
        return false;
    }

    static void write(Path results) {
        List<String> lines = new ArrayList<>();
        lines.add("sessions " + SIGNED_IN.get());
        lines.addAll(VIEWS);
        ERRORS.forEach(error -> lines.add("error " + error));
        WALL_PUSHES.forEach(pushed -> lines.add("wall " + pushed));
        try {
            Files.write(results, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the load's figures to " + results, e);
        }
    }
}
