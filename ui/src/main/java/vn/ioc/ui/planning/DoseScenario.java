package vn.ioc.ui.planning;

import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A vaccine allocation a planner saved to come back to: what was asked (indicator, scope, period, doses, pack) and the stock given. */
public record DoseScenario(String name, String coverageKpi, String scope, String period, long doses, int packSize, List<SiteStock> stock,
                           String savedBy, Instant savedAt) {
    public static final int LONGEST_NAME = 80;

    public DoseScenario {
        name = normalName(name);
        Objects.requireNonNull(coverageKpi, "coverageKpi");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(period, "period");
        stock = List.copyOf(stock);
    }

    /** A name as scenarios are saved under it: trimmed, NFC; refused if empty or too long. */
    public static String normalName(String name) {
        String normal = Normalizer.normalize(Objects.requireNonNull(name, "name").strip(), Normalizer.Form.NFC);
        if (normal.isEmpty() || normal.length() > LONGEST_NAME) {
            throw new IllegalArgumentException("a scenario needs a name of 1 to " + LONGEST_NAME + " characters");
        }
        return normal;
    }
}
