package vn.ioc.ingest.quality;

import org.apache.spark.sql.Column;

import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.when;

/**
 * Dates and timestamps in the extracts' ISO shapes, parsed by the cast's hand-written parser: Spark's
 * pattern-based parsers cost several times as much per row, and so would checking the shape character by
 * character. Text of another length, or that does not parse, is null, and so are impossible dates such as
 * 2025-02-30.
 */
public final class IsoText {
    private IsoText() {
    }

    /** {@code yyyy-MM-dd}. */
    public static Column date(Column text) {
        return when(octet_length(text).equalTo(10), text.try_cast("date"));
    }

    /** {@code yyyy-MM-dd HH:mm:ss}, in the session's time zone. */
    public static Column timestamp(Column text) {
        return when(octet_length(text).equalTo(19), text.try_cast("timestamp"));
    }
}
