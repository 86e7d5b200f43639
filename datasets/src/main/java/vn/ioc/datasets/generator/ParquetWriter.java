package vn.ioc.datasets.generator;

import vn.ioc.warehouse.engine.Access;
import vn.ioc.warehouse.engine.Engine;
import vn.ioc.warehouse.engine.EngineConnection;
import vn.ioc.warehouse.engine.InsertStream;
import vn.ioc.warehouse.engine.Statement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Turns a generated CSV extract into Parquet with ClickHouse's own Parquet writer. The engine may not touch files
 * itself (see {@code EngineSandbox}): the CSV is streamed into a temporary table of the connection, and the table is
 * read back as Parquet and written here. Every column is a string, as source systems deliver them raw: what is valid
 * is for ingest to decide.
 */
public final class ParquetWriter {
    private static final int CHUNK = 1 << 20;
    private final Engine engine;

    public ParquetWriter(Engine engine) {
        this.engine = requireNonNull(engine, "engine");
    }

    void convert(Path csv, Path parquet, List<String> columns) {
        String structure = columns.stream().map(c -> "`" + c + "` String").collect(Collectors.joining(", "));
        try (Engine.Lease lease = engine.acquire(Access.WRITE, Duration.ofMinutes(10))) {
            EngineConnection connection = lease.connection();
            // A temporary table is the connection's own; dropping the connection afterwards leaves nothing behind.
            lease.discard();
            connection.execute(Statement.of("CREATE TEMPORARY TABLE extract (" + structure + ") ENGINE = Memory"));
            try (InsertStream insert = connection.insert(new Statement("INSERT INTO extract SETTINGS input_format_csv_use_default_on_bad_values = 0",
                    "CSVWithNames", Map.of())); InputStream in = Files.newInputStream(csv)) {
                byte[] chunk = new byte[CHUNK];
                int n;
                while ((n = in.readNBytes(chunk, 0, chunk.length)) > 0) {
                    insert.append(chunk, 0, n);
                }
                insert.finish();
            }
            // One thread reads the blocks in the order they were inserted: the file's rows stay in the CSV's order.
            byte[] written = connection.execute(new Statement("SELECT * FROM extract SETTINGS max_threads = 1", "Parquet", Map.of())).data();
            Files.write(parquet, written);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot convert " + csv + " to Parquet: " + e.getMessage(), e);
        }
    }
}
