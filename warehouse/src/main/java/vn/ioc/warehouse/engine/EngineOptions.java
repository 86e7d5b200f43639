package vn.ioc.warehouse.engine;

import java.nio.file.Path;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * How to start the embedded engine.
 *
 * @param library          libchdb to load (see {@link EngineLibrary})
 * @param storage          where the engine keeps its databases
 * @param readers          connections for read-only queries, i.e. how many run at once
 * @param writers          connections for writes and DDL
 * @param writerLimits     what one query of a write connection may take
 * @param readerLimits     what one query of a read-only connection may take, and the most any query may ask for
 */
public record EngineOptions(Path library, Path storage, int readers, int writers, QueryLimits writerLimits, QueryLimits readerLimits) {
    public EngineOptions {
        requireNonNull(library, "library");
        requireNonNull(storage, "storage");
        requireNonNull(writerLimits, "writerLimits");
        requireNonNull(readerLimits, "readerLimits");
        if (readers < 1 || writers < 1) {
            throw new IllegalArgumentException("the engine needs at least one reader and one writer connection");
        }
    }

    /** The same time limit for every query. */
    public EngineOptions(Path library, Path storage, int readers, int writers, Duration maxExecutionTime) {
        this(library, storage, readers, writers, QueryLimits.writer(maxExecutionTime), QueryLimits.reader(maxExecutionTime));
    }

    public static EngineOptions defaults(Path library, Path storage) {
        return new EngineOptions(library, storage, 8, 4, Duration.ofMinutes(5));
    }
}
