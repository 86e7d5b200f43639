package vn.ioc.warehouse.engine;

/** What the engine reports about one finished statement. */
public record QueryStatistics(double elapsedSeconds, long rowsRead, long bytesRead, long rowsWritten, long bytesWritten) {
    public static final QueryStatistics NONE = new QueryStatistics(0, 0, 0, 0, 0);

    QueryStatistics plus(QueryStatistics other) {
        return new QueryStatistics(elapsedSeconds + other.elapsedSeconds, rowsRead + other.rowsRead,
                bytesRead + other.bytesRead, rowsWritten + other.rowsWritten, bytesWritten + other.bytesWritten);
    }
}
