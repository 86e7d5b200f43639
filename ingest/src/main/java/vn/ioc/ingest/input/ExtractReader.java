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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        Map<ReadGroup, List<InputFile>> groups = files.stream().collect(Collectors.groupingBy(ReadGroup::of, LinkedHashMap::new, Collectors.toList()));
        Dataset<Row> all = null;
        for (Map.Entry<ReadGroup, List<InputFile>> group : groups.entrySet()) {
            InputFile first = group.getValue().getFirst();
            String[] paths = group.getValue().stream().map(InputFile::path).toArray(String[]::new);
            Optional<String> provincesFolder = group.getKey().provincesFolder();
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

    /**
     * Files Spark reads together: of one format and encoding, and either in the province folders of one folder
     * ({@code .../province=NN/file}, as the extracts are delivered) or, lying elsewhere, of one province.
     */
    private record ReadGroup(String format, String encoding, Optional<String> provincesFolder, String province) {
        static ReadGroup of(InputFile file) {
            Path folder = Path.of(file.path()).getParent();
            boolean inProvinceFolder = folder != null && folder.getParent() != null
                    && folder.getFileName().toString().equals(PROVINCE_FOLDER + "=" + file.province());
            return inProvinceFolder ? new ReadGroup(file.format(), file.encoding(), Optional.of(folder.getParent().toString()), "")
                    : new ReadGroup(file.format(), file.encoding(), Optional.empty(), file.province());
        }
    }

    private static StructType withProvince(StructType schema, Optional<String> provincesFolder) {
        return provincesFolder.isPresent() ? schema.add(PROVINCE_FOLDER, DataTypes.StringType, true) : schema;
    }
}
