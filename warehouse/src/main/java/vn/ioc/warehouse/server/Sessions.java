package vn.ioc.warehouse.server;

import vn.ioc.warehouse.engine.Engine;
import vn.ioc.warehouse.engine.EngineConnection;
import vn.ioc.warehouse.engine.EngineException;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import static java.util.Objects.requireNonNull;

/**
 * HTTP sessions ({@code session_id}): each keeps an engine connection of its own, so that SET, USE and
 * temporary tables last from one request to the next, until the session has been idle for its timeout.
 * A session belongs to the user who opened it and serves one request at a time, as in ClickHouse.
 */
final class Sessions implements AutoCloseable {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    static final Duration MAX_TIMEOUT = Duration.ofHours(1);

    private final Engine engine;
    private final int limit;
    private final Map<String, Session> open = new HashMap<>();
    private final ScheduledExecutorService reaper;

    Sessions(Engine engine, int limit) {
        this.engine = requireNonNull(engine, "engine");
        this.limit = limit;
        this.reaper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("warehouse-sessions").daemon(true).factory());
        reaper.scheduleWithFixedDelay(this::closeExpired, 5, 5, TimeUnit.SECONDS);
    }

    /**
     * One request's hold on a session; closing it frees the session for the next request. A session whose connection
     * a failed stream left unusable ({@link EngineConnection#broken()}) ends there: its next request finds it gone.
     */
    final class Hold implements AutoCloseable {
        private final Session session;

        private Hold(Session session) {
            this.session = session;
        }

        EngineConnection connection() {
            return session.connection;
        }

        @Override
        public void close() {
            session.expiresAt = System.nanoTime() + session.timeout.toNanos();
            boolean broken = session.connection.broken();
            if (broken) {
                synchronized (open) {
                    open.values().remove(session);
                }
            }
            session.lock.unlock();
            if (broken) {
                engine.closeDedicated(session.connection);
            }
        }
    }

    private static final class Session {
        final EngineConnection connection;
        final ReentrantLock lock = new ReentrantLock();
        volatile Duration timeout;
        volatile long expiresAt;

        Session(EngineConnection connection, Duration timeout) {
            this.connection = connection;
            this.timeout = timeout;
            this.expiresAt = System.nanoTime() + timeout.toNanos();
        }
    }

    /**
     * Takes the user's session {@code id}, opening it unless {@code mustExist}.
     *
     * @throws EngineException SESSION_NOT_FOUND, SESSION_IS_LOCKED, or TOO_MANY_SIMULTANEOUS_QUERIES at the limit
     */
    Hold acquire(WarehouseUsers.User user, String id, Duration timeout, boolean mustExist) {
        if (timeout.isNegative() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw EngineException.of(36, "BAD_ARGUMENTS", "session_timeout must be between 0 and " + MAX_TIMEOUT.toSeconds() + " seconds");
        }
        Session session;
        synchronized (open) {
            String key = user.name() + "\u0000" + id;
            session = open.get(key);
            if (session != null && System.nanoTime() - session.expiresAt > 0 && session.lock.tryLock()) {
                // Past its timeout: gone, even if the reaper has not come by yet.
                open.remove(key);
                engine.closeDedicated(session.connection);
                session = null;
            }
            if (session == null) {
                if (mustExist) {
                    throw EngineException.of(372, "SESSION_NOT_FOUND", "Session " + id + " not found");
                }
                if (open.size() >= limit) {
                    throw EngineException.of(202, "TOO_MANY_SIMULTANEOUS_QUERIES", "Too many open sessions (" + limit + "): close some or let them time out");
                }
                session = new Session(engine.openDedicated(user.access()), timeout);
                open.put(key, session);
            }
            if (!session.lock.tryLock()) {
                throw EngineException.of(373, "SESSION_IS_LOCKED", "Session " + id + " is locked by a concurrent client");
            }
            session.timeout = timeout;
        }
        return new Hold(session);
    }

    private void closeExpired() {
        long now = System.nanoTime();
        List<Session> expired;
        synchronized (open) {
            expired = open.values().stream()
                    .filter(s -> now - s.expiresAt > 0 && s.lock.tryLock())
                    .toList();
            open.values().removeAll(expired);
        }
        expired.forEach(session -> engine.closeDedicated(session.connection));
    }

    @Override
    public void close() {
        reaper.shutdownNow();
        synchronized (open) {
            open.values().forEach(session -> engine.closeDedicated(session.connection));
            open.clear();
        }
    }
}
