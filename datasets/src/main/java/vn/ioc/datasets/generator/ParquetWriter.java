package vn.ioc.datasets.generator;

import vn.ioc.warehouse.engine.Access;
import vn.ioc.warehouse.engine.Engine;
import vn.ioc.warehouse.engine.Statement;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Turns a generated CSV extract into Parquet with ClickHouse's own Parquet writer (the embedded engine
 * reads and writes the files itself). Every column is a string, as source systems deliver them raw:
 * what is valid is for ingest to decide.
 */
public final class ParquetWriter {
    private final Engine engine;

    public ParquetWriter(Engine engine) {
        this.engine = requireNonNull(engine, "engine");
    }

    void convert(Path csv, Path parquet, List<String> columns) {
        String structure = columns.stream().map(c -> "`" + c + "` String").collect(Collectors.joining(", "));
        engine.execute(Access.WRITE, Statement.of("INSERT INTO FUNCTION file(" + literal(parquet) + ", 'Parquet', " + literal(structure) + ") "
                + "SELECT * FROM file(" + literal(csv) + ", 'CSVWithNames', " + literal(structure) + ") "
                + "SETTINGS engine_file_truncate_on_insert = 1, input_format_csv_use_default_on_bad_values = 0"));
    }

    private static String literal(Object value) {
        return "'" + value.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
