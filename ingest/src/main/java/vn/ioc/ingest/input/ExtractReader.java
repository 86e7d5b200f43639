package vn.ioc.ingest.input;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import vn.ioc.datasets.generator.FieldType;

import java.util.List;
import java.util.Map;
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
        // Read by province folder, which each row learns as a constant (taken from each row's file name, it cost a third of
        // reading a typed extract).
        Map<String, List<InputFile>> groups = files.stream().collect(Collectors.groupingBy(f -> f.format() + "|" + f.encoding() + "|" + f.province(),
                TreeMap::new, Collectors.toList()));
        Dataset<Row> all = null;
        for (Map.Entry<String, List<InputFile>> group : groups.entrySet()) {
            String[] paths = group.getValue().stream().map(InputFile::path).toArray(String[]::new);
            Dataset<Row> part;
            if (group.getKey().startsWith("parquet")) {
                part = spark.read().schema(typedSchema(source, columns)).parquet(paths).withColumn(CORRUPT, functions.lit(null).cast(DataTypes.StringType));
                for (String column : columns) {
                    part = part.withColumn(column, asRead(functions.col(column), ExtractInput.typeOf(source, column)));
                }
            } else {
                part = spark.read().schema(schema(columns).add(CORRUPT, DataTypes.StringType, true))
                        .option("header", "true")
                        .option("mode", "PERMISSIVE")
                        .option("columnNameOfCorruptRecord", CORRUPT)
                        .option("encoding", group.getValue().getFirst().encoding())
                        .csv(paths);
            }
            part = part.withColumn(FILE_PROVINCE, functions.lit(group.getValue().getFirst().province()));
            all = all == null ? part : all.unionByName(part);
        }
        return all;
    }
}
