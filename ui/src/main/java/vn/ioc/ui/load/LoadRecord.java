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
 * next view, as a user reloads. Written at the end as lines {@code sessions <n>}, {@code view <ms>}, {@code error <what>} and
 * {@code wall <updates pushed to one wall screen>}.
 */
final class LoadRecord {
    private static final Queue<Double> VIEWS = new ConcurrentLinkedQueue<>();
    private static final Queue<String> ERRORS = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger SIGNED_IN = new AtomicInteger();
    private static final Queue<Integer> WALL_PUSHES = new ConcurrentLinkedQueue<>();

    private LoadRecord() {
    }

    /** Signed in; a refused sign-in is an error, and the session stays failed so that it ends there. */
    static Session signedIn(Session session) {
        if (!failed(session, "sign-in")) {
            SIGNED_IN.incrementAndGet();
        }
        return session;
    }

    /** A view shown: its time, unless a step of it failed (then an error). */
    static Session view(Session session, long nanos) {
        if (!failed(session, session.getString("location"))) {
            VIEWS.add(nanos / 1e6);
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
        VIEWS.forEach(ms -> lines.add("view " + ms));
        ERRORS.forEach(error -> lines.add("error " + error));
        WALL_PUSHES.forEach(pushed -> lines.add("wall " + pushed));
        try {
            Files.write(results, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the load's figures to " + results, e);
        }
    }
}
