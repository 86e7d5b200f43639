package vn.ioc.analytics.quality;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How current the warehouse is: the last month the KPI store holds, when it was built, and the last good ingest; and
 * whether its data is a simulated sample (the generator's), with the share of the population drawn: figures must then
 * say they are simulated.
 */
public record DataFreshness(Optional<YearMonth> latestMonth, Optional<Instant> storeBuiltAt, Optional<Instant> lastIngest,
                            OptionalDouble simulatedSample) {
    public boolean simulated() {
        return simulatedSample.isPresent();
    }
}
