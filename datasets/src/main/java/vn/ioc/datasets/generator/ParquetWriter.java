package vn.ioc.datasets.generator;

import vn.ioc.warehouse.engine.Access;
import vn.ioc.warehouse.engine.Engine;
import vn.ioc.warehouse.engine.EngineConnection;
import vn.ioc.warehouse.engine.InsertStream;
import vn.ioc.warehouse.engine.Statement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * read back as Parquet, each column in its type ({@link Source#type}: dates, times and counts typed, blank fields null),
 * and written here. A value a typed column cannot hold stops the conversion: the generator injects into typed
 * extracts only the defects a typed column carries (see {@link Defect#csvOnly}).
 */
public final class ParquetWriter {
    private static final int CHUNK = 1 << 20;
    private final Engine engine;

    public ParquetWriter(Engine engine) {
        this.engine = requireNonNull(engine, "engine");
    }

    void convert(Path csv, Path parquet, Source source) {
        List<String> columns = source.columns();
        String structure = columns.stream().map(c -> "`" + c + "` String").collect(Collectors.joining(", "));
        String typed = columns.stream().map(c -> typed(c, source.type(c)) + " AS `" + c + "`").collect(Collectors.joining(", "));
        // A typed value that does not print back as the text it came from was not a value of its type (ClickHouse reads
        // 2025-02-30 as 2025-03-02): the first such value of each typed column.
        List<String> typedColumns = columns.stream().filter(c -> source.type(c) != FieldType.TEXT).toList();
        String misfits = typedColumns.stream().map(c -> "anyIf(`" + c + "`, `" + c + "` != '' AND ifNull(toString(" + typed(c, source.type(c))
                + "), '') != `" + c + "`)").collect(Collectors.joining(", "));
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
            if (!typedColumns.isEmpty()) {
                String[] first = new String(connection.execute(new Statement("SELECT " + misfits + " FROM extract", "TSV", Map.of())).data(),
                        StandardCharsets.UTF_8).replaceFirst("\n$", "").split("\t", -1);
                for (int i = 0; i < typedColumns.size(); i++) {
                    if (!first[i].isEmpty()) {
                        throw new IllegalStateException(csv + ": column " + typedColumns.get(i) + " holds '" + first[i] + "', not "
                                + source.type(typedColumns.get(i)).shape());
                    }
                }
            }
            // One thread reads the blocks in the order they were inserted: the file's rows stay in the CSV's order.
            byte[] written = connection.execute(new Statement("SELECT " + typed + " FROM extract SETTINGS max_threads = 1", "Parquet",
                    Map.of())).data();
            Files.write(parquet, written);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot convert " + csv + " to Parquet: " + e.getMessage(), e);
        }
    }

    /** The column's text as a value of its type, a blank field null. */
    private static String typed(String column, FieldType type) {
        return "CAST(nullIf(`" + column + "`, '') AS " + type.clickHouseType() + ")";
    }
}
