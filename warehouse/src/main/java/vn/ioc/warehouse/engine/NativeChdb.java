package vn.ioc.warehouse.engine;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.util.Objects.requireNonNull;

/**
 * The C API of libchdb ({@code chdb.h}), bound with FFM. One instance per loaded library.
 * Raw handles only: {@link EngineConnection} gives them meaning and lifetimes.
 */
final class NativeChdb {
    private static final ValueLayout.OfLong SIZE_T = JAVA_LONG;
    private static final FunctionDescriptor PARAMETERISED_CALL = FunctionDescriptor.of(ADDRESS,
            ADDRESS, ADDRESS, SIZE_T, ADDRESS, SIZE_T, ADDRESS, ADDRESS, ADDRESS, ADDRESS, SIZE_T);

    private final MethodHandle version;
    private final MethodHandle setSignalHandlersEnabled;
    private final MethodHandle connect;
    private final MethodHandle closeConnection;
    private final MethodHandle queryWithParams;
    private final MethodHandle streamQueryWithParams;
    private final MethodHandle streamFetchResult;
    private final MethodHandle streamCancelQuery;
    private final MethodHandle destroyQueryResult;
    private final MethodHandle resultBuffer;
    private final MethodHandle resultLength;
    private final MethodHandle resultError;
    private final MethodHandle resultElapsed;
    private final MethodHandle resultRowsRead;
    private final MethodHandle resultBytesRead;
    private final MethodHandle resultRowsWritten;
    private final MethodHandle resultBytesWritten;
    private final MethodHandle streamInsertWithParams;
    private final MethodHandle streamAppend;
    private final MethodHandle streamDone;
    private final MethodHandle streamInsertError;
    private final MethodHandle destroyInsertStream;
    private final MethodHandle classifyQuery;
    private final MethodHandle shutdown;

    NativeChdb(Path library) {
        requireNonNull(library, "library");
        SymbolLookup symbols = SymbolLookup.libraryLookup(library, Arena.global());
        Linker linker = Linker.nativeLinker();
        version = bind(linker, symbols, "chdb_version", FunctionDescriptor.of(ADDRESS));
        setSignalHandlersEnabled = bind(linker, symbols, "chdb_set_signal_handlers_enabled", FunctionDescriptor.ofVoid(JAVA_INT));
        connect = bind(linker, symbols, "chdb_connect", FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS));
        closeConnection = bind(linker, symbols, "chdb_close_conn", FunctionDescriptor.ofVoid(ADDRESS));
        queryWithParams = bind(linker, symbols, "chdb_query_with_params_n", PARAMETERISED_CALL);
        streamQueryWithParams = bind(linker, symbols, "chdb_stream_query_with_params_n", PARAMETERISED_CALL);
        streamFetchResult = bind(linker, symbols, "chdb_stream_fetch_result", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        streamCancelQuery = bind(linker, symbols, "chdb_stream_cancel_query", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
        destroyQueryResult = bind(linker, symbols, "chdb_destroy_query_result", FunctionDescriptor.ofVoid(ADDRESS));
        resultBuffer = bind(linker, symbols, "chdb_result_buffer", FunctionDescriptor.of(ADDRESS, ADDRESS));
        resultLength = bind(linker, symbols, "chdb_result_length", FunctionDescriptor.of(SIZE_T, ADDRESS));
        resultError = bind(linker, symbols, "chdb_result_error", FunctionDescriptor.of(ADDRESS, ADDRESS));
        resultElapsed = bind(linker, symbols, "chdb_result_elapsed", FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS));
        resultRowsRead = bind(linker, symbols, "chdb_result_rows_read", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        resultBytesRead = bind(linker, symbols, "chdb_result_bytes_read", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        resultRowsWritten = bind(linker, symbols, "chdb_result_rows_written", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        resultBytesWritten = bind(linker, symbols, "chdb_result_bytes_written", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        streamInsertWithParams = bind(linker, symbols, "chdb_stream_insert_with_params_n", PARAMETERISED_CALL);
        streamAppend = bind(linker, symbols, "chdb_stream_append", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, SIZE_T));
        streamDone = bind(linker, symbols, "chdb_stream_done", FunctionDescriptor.of(ADDRESS, ADDRESS));
        streamInsertError = bind(linker, symbols, "chdb_stream_insert_error", FunctionDescriptor.of(ADDRESS, ADDRESS));
        destroyInsertStream = bind(linker, symbols, "chdb_destroy_insert_stream", FunctionDescriptor.ofVoid(ADDRESS));
        classifyQuery = bind(linker, symbols, "chdb_classify_query_n",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, SIZE_T, ADDRESS, SIZE_T, ADDRESS));
        shutdown = bind(linker, symbols, "chdb_shutdown", FunctionDescriptor.of(JAVA_INT));
    }

    private static MethodHandle bind(Linker linker, SymbolLookup symbols, String name, FunctionDescriptor descriptor) {
        MemorySegment symbol = symbols.find(name).orElseThrow(() -> new EngineUnavailableException(
                "libchdb does not export " + name + ": the engine library is not the chDB version IOC was built for"));
        return linker.downcallHandle(symbol, descriptor);
    }

    String version() {
        return string((MemorySegment) call(() -> version.invokeExact()));
    }

    void setSignalHandlersEnabled(boolean enabled) {
        call(() -> {
            setSignalHandlersEnabled.invokeExact(enabled ? 1 : 0);
            return null;
        });
    }

    /** Returns the {@code chdb_connection*} holder, NULL on failure. */
    MemorySegment connect(int argc, MemorySegment argv) {
        return (MemorySegment) call(() -> (MemorySegment) connect.invokeExact(argc, argv));
    }

    void closeConnection(MemorySegment connectionHolder) {
        call(() -> {
            closeConnection.invokeExact(connectionHolder);
            return null;
        });
    }

    MemorySegment query(boolean streaming, MemorySegment connection, NativeStatement statement) {
        MethodHandle handle = streaming ? streamQueryWithParams : queryWithParams;
        return (MemorySegment) call(() -> (MemorySegment) handle.invokeExact(connection,
                statement.sql(), statement.sqlLength(), statement.format(), statement.formatLength(),
                statement.names(), statement.nameLengths(), statement.values(), statement.valueLengths(),
                statement.parameterCount()));
    }

    MemorySegment streamInsert(MemorySegment connection, NativeStatement statement) {
        return (MemorySegment) call(() -> (MemorySegment) streamInsertWithParams.invokeExact(connection,
                statement.sql(), statement.sqlLength(), statement.format(), statement.formatLength(),
                statement.names(), statement.nameLengths(), statement.values(), statement.valueLengths(),
                statement.parameterCount()));
    }

    MemorySegment streamFetch(MemorySegment connection, MemorySegment stream) {
        return (MemorySegment) call(() -> (MemorySegment) streamFetchResult.invokeExact(connection, stream));
    }

    void streamCancel(MemorySegment connection, MemorySegment stream) {
        call(() -> {
            streamCancelQuery.invokeExact(connection, stream);
            return null;
        });
    }

    void destroyResult(MemorySegment result) {
        call(() -> {
            destroyQueryResult.invokeExact(result);
            return null;
        });
    }

    MemorySegment resultData(MemorySegment result) {
        long length = (long) call(() -> (long) resultLength.invokeExact(result));
        if (length == 0) {
            return MemorySegment.NULL;
        }
        MemorySegment buffer = (MemorySegment) call(() -> (MemorySegment) resultBuffer.invokeExact(result));
        return buffer.reinterpret(length);
    }

    /** The engine's error text for a result, or null when it succeeded. */
    String resultError(MemorySegment result) {
        return string((MemorySegment) call(() -> (MemorySegment) resultError.invokeExact(result)));
    }

    QueryStatistics statistics(MemorySegment result) {
        return new QueryStatistics(
                (double) call(() -> (double) resultElapsed.invokeExact(result)),
                (long) call(() -> (long) resultRowsRead.invokeExact(result)),
                (long) call(() -> (long) resultBytesRead.invokeExact(result)),
                (long) call(() -> (long) resultRowsWritten.invokeExact(result)),
                (long) call(() -> (long) resultBytesWritten.invokeExact(result)));
    }

    boolean streamAppend(MemorySegment stream, MemorySegment data, long length) {
        return (int) call(() -> (int) streamAppend.invokeExact(stream, data, length)) == 0;
    }

    MemorySegment streamDone(MemorySegment stream) {
        return (MemorySegment) call(() -> (MemorySegment) streamDone.invokeExact(stream));
    }

    String streamInsertError(MemorySegment stream) {
        return string((MemorySegment) call(() -> (MemorySegment) streamInsertError.invokeExact(stream)));
    }

    void destroyInsertStream(MemorySegment stream) {
        call(() -> {
            destroyInsertStream.invokeExact(stream);
            return null;
        });
    }

    /** Fills {@code analysis} (a chdb_query_analysis_v1); false when the call itself failed. */
    boolean classify(MemorySegment connection, MemorySegment sql, long sqlLength, MemorySegment analysis) {
        return (int) call(() -> (int) classifyQuery.invokeExact(connection, sql, sqlLength,
                MemorySegment.NULL, 0L, analysis)) == 0;
    }

    boolean shutdown() {
        return (int) call(() -> (int) shutdown.invokeExact()) == 0;
    }

    private static String string(MemorySegment cString) {
        return cString.equals(MemorySegment.NULL) ? null : cString.reinterpret(Long.MAX_VALUE).getString(0);
    }

    private interface NativeCall {
        Object run() throws Throwable;
    }

    private static Object call(NativeCall nativeCall) {
        try {
            return nativeCall.run();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("chDB call failed", e);
        }
    }
}
