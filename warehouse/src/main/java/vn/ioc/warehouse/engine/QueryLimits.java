package vn.ioc.warehouse.engine;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

/**
 * The most one query of a connection may take: time, memory and result size (0: no limit on the result).
 *
 * @param maxExecutionTime {@code max_execution_time}
 * @param maxMemoryBytes   {@code max_memory_usage}
 * @param maxResultBytes   {@code max_result_bytes}, 0 for none
 */
public record QueryLimits(Duration maxExecutionTime, long maxMemoryBytes, long maxResultBytes) {
    /** What a reader's result may hold: far beyond a dashboard's or an export's, short of what would exhaust the server. */
    static final long READER_RESULT_BYTES = 2L << 30;

    public QueryLimits {
        if (maxExecutionTime.toSeconds() < 1 || maxMemoryBytes < 1 || maxResultBytes < 0) {
            throw new IllegalArgumentException("query limits must be positive: " + maxExecutionTime + ", " + maxMemoryBytes + ", " + maxResultBytes);
        }
    }

    /** A writer's: the time given, a quarter of the machine's memory (at least 1 GiB), results of any size. */
    public static QueryLimits writer(Duration maxExecutionTime) {
        return new QueryLimits(maxExecutionTime, quarterOfMemory(), 0);
    }

    /** A reader's: the time given, a quarter of the machine's memory, results up to 2 GiB. */
    public static QueryLimits reader(Duration maxExecutionTime) {
        return new QueryLimits(maxExecutionTime, quarterOfMemory(), READER_RESULT_BYTES);
    }

    /** The engine arguments that make these a connection's defaults (arguments are not held to the profile's constraints). */
    List<String> arguments() {
        return List.of("--max_execution_time=" + maxExecutionTime.toSeconds(), "--max_memory_usage=" + maxMemoryBytes,
                "--max_result_bytes=" + maxResultBytes);
    }

    private static long quarterOfMemory() {
        long physical = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        return Math.max(1L << 30, physical / 4);
    }
}
