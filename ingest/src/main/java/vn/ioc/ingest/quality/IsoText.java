package vn.ioc.ingest.quality;

import org.apache.spark.sql.Column;

import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

/**
 * Dates and timestamps in the extracts' strict ISO shapes, parsed by the cast's hand-written parser once
 * the shape is checked: Spark's pattern-based parsers cost several times as much per row. Anything else,
 * including impossible dates such as 2025-02-30, is null.
 */
public final class IsoText {
    private IsoText() {
    }

    /** {@code yyyy-MM-dd}. */
    public static Column date(Column text) {
        return when(length(text).equalTo(10).and(separators(text)), text.try_cast("date"));
    }

    /** {@code yyyy-MM-dd HH:mm:ss}, in the session's time zone. */
    public static Column timestamp(Column text) {
        Column shape = length(text).equalTo(19).and(separators(text)).and(charAt(text, 11).equalTo(" "))
                .and(charAt(text, 14).equalTo(":")).and(charAt(text, 17).equalTo(":"));
        return when(shape, text.try_cast("timestamp"));
    }

    private static Column separators(Column text) {
        return charAt(text, 5).equalTo("-").and(charAt(text, 8).equalTo("-"));
    }

    private static Column charAt(Column text, int position) {
        return substring(text, position, 1);
    }
}
