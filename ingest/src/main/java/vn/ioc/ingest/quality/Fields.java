package vn.ioc.ingest.quality;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.IntegralType;
import org.apache.spark.sql.types.StructType;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;

/**
 * An extract's fields as the rules read them, whether its files delivered text (CSV: dates, times and numbers in
 * the shapes {@link IsoText} parses) or typed values (Parquet: see {@code ExtractReader}); a typed value is used as it
 * is, not written out and parsed again. Decided on the columns' types in the rows' schema.
 */
public final class Fields {
    private static final String TIMESTAMP_TEXT = "yyyy-MM-dd HH:mm:ss";
    private final StructType schema;

    private Fields(StructType schema) {
        this.schema = schema;
    }

    public static Fields of(Dataset<Row> rows) {
        return new Fields(rows.schema());
    }

    private DataType type(String column) {
        return schema.apply(column).dataType();
    }

    /** A calendar day: null where the text is not one in {@code yyyy-MM-dd}. */
    public Column date(String column) {
        return type(column).equals(DataTypes.DateType) ? col(column) : IsoText.date(col(column));
    }

    /** A time on Vietnam's wall clock: null where the text is not one in {@code yyyy-MM-dd HH:mm:ss}. */
    public Column timestamp(String column) {
        return type(column).equals(DataTypes.TimestampType) ? col(column) : IsoText.timestamp(col(column));
    }

    /** A whole number that is not negative: written in digits only, in text. */
    public Column naturalNumber(String column) {
        return type(column) instanceof IntegralType ? col(column).geq(0) : col(column).rlike("^[0-9]+$");
    }

    /** The field is this whole number (in text: written as Java writes it). */
    public Column is(String column, long value) {
        return type(column) instanceof IntegralType ? col(column).equalTo(value) : col(column).equalTo(Long.toString(value));
    }

    /** The field as the CSV extract writes it, for reasons and the quarantine. */
    public Column text(String column) {
        DataType type = type(column);
        if (type.equals(DataTypes.StringType)) {
            return col(column);
        }
        return type.equals(DataTypes.TimestampType) ? date_format(col(column), TIMESTAMP_TEXT) : col(column).cast(DataTypes.StringType);
    }
}
