package vn.ioc.analytics.values;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value read from the warehouse and kept for a few seconds: what changes only with an ingest (snapshot dates, the
 * KPI store's state) need not cost a query on every request.
 */
final class Recent<T> {
    static final Duration KEPT = Duration.ofSeconds(5);

    private final Supplier<T> read;
    private T value;
    private long readAt;

    Recent(Supplier<T> read) {
        this.read = Objects.requireNonNull(read, "read");
    }

    synchronized T get() {
        if (value == null || System.nanoTime() - readAt >= KEPT.toNanos()) {
            value = read.get();
            readAt = System.nanoTime();
        }
        return value;
    }
}
