package vn.ioc.warehouse.engine;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * An INSERT being fed with data in chunks. {@link #finish()} commits and reports what was written;
 * {@link #close()} without finishing abandons the insert (rows already flushed in earlier blocks stay,
 * as with any ClickHouse insert).
 */
public final class InsertStream implements AutoCloseable {
    private final NativeChdb chdb;
    private final MemorySegment stream;
    private boolean closed;

    InsertStream(NativeChdb chdb, MemorySegment stream) {
        this.chdb = chdb;
        this.stream = stream;
    }

    public void append(byte[] data, int offset, int length) {
        if (length == 0) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment chunk = arena.allocate(length);
            MemorySegment.copy(data, offset, chunk, JAVA_BYTE, 0, length);
            if (!chdb.streamAppend(stream, chunk, length)) {
                throw error();
            }
        }
    }

    public QueryStatistics finish() {
        MemorySegment result = chdb.streamDone(stream);
        try {
            String error = result.equals(MemorySegment.NULL) ? chdb.streamInsertError(stream) : chdb.resultError(result);
            if (error != null) {
                throw EngineException.fromEngine(error);
            }
            return chdb.statistics(result);
        } finally {
            if (!result.equals(MemorySegment.NULL)) {
                chdb.destroyResult(result);
            }
            close();
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            chdb.destroyInsertStream(stream);
        }
    }

    private EngineException error() {
        String message = chdb.streamInsertError(stream);
        return EngineException.fromEngine(message == null ? "the insert stream was refused" : message);
    }
}
