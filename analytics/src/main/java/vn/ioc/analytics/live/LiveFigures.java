package vn.ioc.analytics.live;

import java.time.Instant;
import java.util.List;

/**
 * What is happening now at the public-service portal, for a province or the nation, as of the live stream's clock
 * (its latest event).
 *
 * @param today           applications submitted since the start of the local day
 * @param lastHour        applications submitted in the last hour
 * @param resolvedToday   applications resolved since the start of the day
 * @param backlog         applications submitted and neither resolved nor rejected
 * @param overdueNow      open applications past their legal time limit
 * @param overdueTonight  forecast of those overdue by the end of the day: overdue now, and open ones due later today
 * @param topServices     the services most applied for today
 * @param topCommunes     the communes with the most applications today
 */
public record LiveFigures(Instant asOf, long today, long lastHour, long resolvedToday, long backlog, long overdueNow, long overdueTonight,
                          List<Load> topServices, List<Load> topCommunes) {
    /** Applications today for one service or commune (its code; a service's name, empty for a commune), and how many came to a counter. */
    public record Load(String code, String name, long applications, long atCounter) {
    }

    public LiveFigures {
        topServices = List.copyOf(topServices);
        topCommunes = List.copyOf(topCommunes);
    }
}
