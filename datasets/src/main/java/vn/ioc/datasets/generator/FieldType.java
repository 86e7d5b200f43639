package vn.ioc.datasets.generator;

/**
 * The type a field of an extract has in a typed file (Parquet); in CSV every field is text in the shape given here.
 * Dates and times are Vietnam's calendar and wall clock: a timestamp is stored as the instant, read back in
 * {@link #TIME_ZONE}.
 */
public enum FieldType {
    /** UTF-8 text; a blank field is null. */
    TEXT("Nullable(String)", "text"),
    /** A calendar day, {@code yyyy-MM-dd} in CSV; Parquet INT32 (DATE). */
    DATE("Nullable(Date32)", "yyyy-MM-dd"),
    /** A time of day on a day, {@code yyyy-MM-dd HH:mm:ss} in CSV; Parquet INT64 (TIMESTAMP, adjusted to UTC). */
    TIMESTAMP("Nullable(DateTime('Asia/Ho_Chi_Minh'))", "yyyy-MM-dd HH:mm:ss"),
    /** A whole number (a count, a level, a 0/1 flag), decimal digits in CSV; Parquet INT32 or INT64. */
    INTEGER("Nullable(Int64)", "integer");

    public static final String TIME_ZONE = "Asia/Ho_Chi_Minh";

    private final String clickHouseType;
    private final String shape;

    FieldType(String clickHouseType, String shape) {
        this.clickHouseType = clickHouseType;
        this.shape = shape;
    }

    /** The column type the generator's engine writes it from. */
    public String clickHouseType() {
        return clickHouseType;
    }

    /** What a value looks like, for messages. */
    public String shape() {
        return shape;
    }
}
