package vn.ioc.ingest.input;

import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import vn.ioc.datasets.generator.FieldType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads one source's files (raw extracts are validated, not trusted; the same rules check both formats, see
 * {@code Fields}): CSV with an explicit all-text schema, each group of files in its detected encoding, a line with the
 * wrong number of fields kept in {@code _corrupt_record}; typed Parquet in its types ({@link FieldType}), a blank text
 * null and a time on Vietnam's wall clock. Every row learns the province folder it came from ({@code _file_province}, see
 * {@link InputFile#province}).
 */
public final class ExtractReader {
    public static final String CORRUPT = "_corrupt_record";
    public static final String FILE_PROVINCE = "_file_province";
    /** The partition column of a province's folder, {@code province=NN}. */
    private static final String PROVINCE_FOLDER = "province";

    private ExtractReader() {
    }

    public static StructType schema(List<String> columns) {
        StructType schema = new StructType();
        for (String column : columns) {
            schema = schema.add(column, DataTypes.StringType, true);
        }
        return schema;
    }

    /** The schema of a source's typed Parquet extract. */
    public static StructType typedSchema(String source, List<String> columns) {
        StructType schema = new StructType();
        for (String column : columns) {
            schema = schema.add(column, sparkType(ExtractInput.typeOf(source, column)), true);
        }
        return schema;
    }

    private static DataType sparkType(FieldType type) {
        return switch (type) {
            case TEXT -> DataTypes.StringType;
            case DATE -> DataTypes.DateType;
            case TIMESTAMP -> DataTypes.TimestampType;
            case INTEGER -> DataTypes.LongType;
        };
    }

    /** A typed value as the rules read it (see {@code Fields}): a blank text null, as in CSV; a time on Vietnam's wall clock. */
    private static Column asRead(Column value, FieldType type) {
        return switch (type) {
            case TEXT -> functions.when(value.notEqual(""), value);
            case DATE, INTEGER -> value;
            // The session's time zone is UTC: the instant, shown as Vietnam's clocks showed it.
            case TIMESTAMP -> functions.from_utc_timestamp(value, FieldType.TIME_ZONE);
        };
    }

    public static Dataset<Row> read(SparkSession spark, List<InputFile> files, String source, List<String> columns) {
        Map<String, List<InputFile>> groups = files.stream().collect(Collectors.groupingBy(
                f -> f.format() + "|" + f.encoding() + "|" + provincesFolder(f).orElse("|" + f.province()), TreeMap::new, Collectors.toList()));
        Dataset<Row> all = null;
        for (List<InputFile> group : groups.values()) {
            InputFile first = group.getFirst();
            String[] paths = group.stream().map(InputFile::path).toArray(String[]::new);
            Optional<String> provincesFolder = provincesFolder(first);
            DataFrameReader reader = spark.read();
            if (provincesFolder.isPresent()) {
                // Spark reads the province of a file's folder as a partition column: a constant of its rows (a regular
                // expression over each row's file name cost a third of reading a typed extract).
                reader = reader.option("basePath", provincesFolder.get());
            }
            Dataset<Row> part;
            if (first.format().equals("parquet")) {
                part = reader.schema(withProvince(typedSchema(source, columns), provincesFolder)).parquet(paths)
                        .withColumn(CORRUPT, functions.lit(null).cast(DataTypes.StringType));
                for (String column : columns) {
                    part = part.withColumn(column, asRead(functions.col(column), ExtractInput.typeOf(source, column)));
                }
            } else {
                part = reader.schema(withProvince(schema(columns).add(CORRUPT, DataTypes.StringType, true), provincesFolder))
                        .option("header", "true")
                        .option("mode", "PERMISSIVE")
                        .option("columnNameOfCorruptRecord", CORRUPT)
                        .option("encoding", first.encoding())
                        .csv(paths);
            }
            part = provincesFolder.isPresent() ? part.withColumnRenamed(PROVINCE_FOLDER, FILE_PROVINCE)
                    : part.withColumn(FILE_PROVINCE, functions.lit(first.province()));
            all = all == null ? part : all.unionByName(part);
        }
        return all;
    }

    /** The folder holding a file's province folder ({@code .../province=NN/file}, as the extracts are delivered). */
    private static Optional<String> provincesFolder(InputFile file) {
        Path folder = Path.of(file.path()).getParent();
        return folder != null && folder.getParent() != null && folder.getFileName().toString().equals(PROVINCE_FOLDER + "=" + file.province())
                ? Optional.of(folder.getParent().toString()) : Optional.empty();
    }

    private static StructType withProvince(StructType schema, Optional<String> provincesFolder) {
        return provincesFolder.isPresent() ? schema.add(PROVINCE_FOLDER, DataTypes.StringType, true) : schema;
    }
}
