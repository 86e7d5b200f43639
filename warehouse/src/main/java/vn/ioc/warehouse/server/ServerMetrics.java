package vn.ioc.warehouse.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import vn.ioc.warehouse.engine.Access;
import vn.ioc.warehouse.engine.QueryStatistics;

import java.time.Duration;

/**
 * What the server has done, by account, in Prometheus text at {@code GET /metrics} (as a ClickHouse server answers on its
 * metrics port): statements finished and failed, refusals, rows and bytes read and written, statements running now.
 * Only signed-in accounts are named: a failed sign-in counts under {@code user="?"}, so a caller cannot grow the
 * series by inventing names.
 */
final class ServerMetrics {
    static final String UNKNOWN_USER = "?";
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    ServerMetrics(RunningQueries queries) {
        Gauge.builder("ioc.warehouse.queries.running", queries, RunningQueries::count)
                .description("statements running now").register(registry);
    }

    /** A statement that ran to its end. */
    void finished(String user, Access access, QueryStatistics statistics, Duration took) {
        Timer.builder("ioc.warehouse.queries").description("statements that ran to their end, and how long they took")
                .tag("user", user).tag("access", access.name().toLowerCase()).register(registry).record(took);
        count("ioc.warehouse.read.rows", "rows read", user, statistics.rowsRead());
        count("ioc.warehouse.read.bytes", "bytes read (uncompressed)", user, statistics.bytesRead());
        count("ioc.warehouse.written.rows", "rows written", user, statistics.rowsWritten());
        count("ioc.warehouse.written.bytes", "bytes written (uncompressed)", user, statistics.bytesWritten());
    }

    /** A statement the engine or the server failed ({@code refused}: a refusal of what the caller asked, as the log says). */
    void failed(String user, int code, boolean refused) {
        Counter.builder(refused ? "ioc.warehouse.refusals" : "ioc.warehouse.errors")
                .description(refused ? "statements refused: sign-in failed, no privilege, read-only, a limit the account may not lift"
                        : "statements that failed")
                .tag("user", user).tag("code", Integer.toString(code)).register(registry).increment();
    }

    String scrape() {
        return registry.scrape();
    }

    private void count(String name, String description, String user, long amount) {
        if (amount > 0) {
            Counter.builder(name).description(description).tag("user", user).register(registry).increment(amount);
        }
    }
}
