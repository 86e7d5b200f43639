package vn.ioc.ingest.input;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads one source's files with an explicit all-text schema (raw extracts are validated, not trusted),
 * each CSV group in its detected encoding; a line with the wrong number of fields is kept in
 * {@code _corrupt_record}, and every row learns the province folder it came from ({@code _file_province}).
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

    public static Dataset<Row> read(SparkSession spark, List<InputFile> files, List<String> columns) {
        Map<String, List<InputFile>> byEncoding = files.stream().collect(Collectors.groupingBy(f -> f.format() + "|" + f.encoding()));
        Dataset<Row> all = null;
        for (Map.Entry<String, List<InputFile>> group : byEncoding.entrySet()) {
            String[] paths = group.getValue().stream().map(InputFile::path).toArray(String[]::new);
            Dataset<Row> part;
            if (group.getKey().startsWith("parquet")) {
                part = spark.read().schema(schema(columns)).parquet(paths).withColumn(CORRUPT, functions.lit(null).cast(DataTypes.StringType));
                // A blank field is null in CSV; Parquet exports carry it as an empty string. Make them alike.
                for (String column : columns) {
                    part = part.withColumn(column, functions.when(functions.col(column).equalTo(""), functions.lit(null)).otherwise(functions.col(column)));
                }
            } else {
                part = spark.read().schema(schema(columns).add(CORRUPT, DataTypes.StringType, true))
                        .option("header", "true")
                        .option("mode", "PERMISSIVE")
                        .option("columnNameOfCorruptRecord", CORRUPT)
                        .option("encoding", group.getValue().getFirst().encoding())
                        .csv(paths);
            }
            part = part.withColumn(FILE_PROVINCE, functions.regexp_extract(functions.input_file_name(), "province=(\\d{2})", 1));
            all = all == null ? part : all.unionByName(part);
        }
        return all;
    }
}
