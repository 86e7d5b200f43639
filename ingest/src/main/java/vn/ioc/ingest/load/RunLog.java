package vn.ioc.ingest.load;

import vn.ioc.ingest.input.InputFile;
import vn.ioc.warehouse.WarehouseConnection;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** Writes one row of {@code ingest_runs} per run, whatever its outcome. */
public final class RunLog {
    private final WarehouseConnection warehouse;

    public RunLog(WarehouseConnection warehouse) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
    }

    /**
     * One run's account. Counts reconcile: {@code read = loadedFrom + quarantined + duplicates}.
     *
     * @param asOf    the extracts' as-of date
     * @param written fact rows written to the warehouse
     */
    public record Entry(UUID runId, String source, String period, Instant started, Instant finished, LocalDate asOf, List<InputFile> files,
                        long read, long loadedFrom, long quarantined, long duplicates, long written, String status, String error) {
    }

    public void record(Entry entry) {
        try (Connection connection = warehouse.open(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ingest_runs (run_id, source, period, started_at, finished_at, input_files, input_checksums, rows_read, "
                        + "rows_loaded_from, rows_quarantined, rows_duplicate, rows_written, duration_ms, status, error, as_of) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, entry.runId());
            insert.setString(2, entry.source());
            insert.setString(3, entry.period());
            insert.setTimestamp(4, Timestamp.from(entry.started()));
            insert.setTimestamp(5, Timestamp.from(entry.finished()));
            Array paths = connection.createArrayOf("String", entry.files().stream().map(InputFile::path).toArray());
            Array checksums = connection.createArrayOf("String", entry.files().stream().map(InputFile::sha256).toArray());
            insert.setArray(6, paths);
            insert.setArray(7, checksums);
            insert.setLong(8, entry.read());
            insert.setLong(9, entry.loadedFrom());
            insert.setLong(10, entry.quarantined());
            insert.setLong(11, entry.duplicates());
            insert.setLong(12, entry.written());
            insert.setLong(13, entry.finished().toEpochMilli() - entry.started().toEpochMilli());
            insert.setString(14, entry.status());
            insert.setString(15, entry.error() == null ? "" : entry.error());
            insert.setObject(16, entry.asOf());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new LoadException("cannot write the run log to " + warehouse.url() + ": " + e.getMessage(), e);
        }
    }
}
