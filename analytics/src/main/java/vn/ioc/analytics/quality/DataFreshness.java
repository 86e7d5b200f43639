package vn.ioc.analytics.quality;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;

/** How current the warehouse is: the last month the KPI store holds, when it was built, and the last good ingest. */
public record DataFreshness(Optional<YearMonth> latestMonth, Optional<Instant> storeBuiltAt, Optional<Instant> lastIngest) {
}
