package vn.ioc.analytics.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One indicator of the catalogue, DHIS2-style: {@code numerator / denominator x factor} (a count where there is no
 * denominator), or the share of communes meeting a bar on another indicator. Targets are by year; thresholds
 * give the legend bands; {@code persons} marks counts of people, suppressed when small; {@code plausible} the values
 * real data can take.
 */
public record Kpi(String id, String domain, LocalizedText name, LocalizedText definition, Measure numerator, Measure denominator,
                  double factor, String unit, Direction direction, Map<Integer, Double> targets, Thresholds thresholds,
                  List<String> breakdowns, boolean persons, CommuneShare communeShare, PlausibleRange plausible, LocalizedText source) {
    public Kpi {
        targets = targets == null ? Map.of() : Map.copyOf(targets);
        breakdowns = breakdowns == null ? List.of() : List.copyOf(breakdowns);
    }

    public Optional<Double> target(int year) {
        return Optional.ofNullable(targets.get(year));
    }

    /** Whether the KPI can be read by commune: every fact it reads is kept by commune (a share of communes is). */
    public boolean keptByCommune() {
        return communeShare != null || numerator.fact().communeColumn().isPresent()
                && (denominator == null || denominator.fact().communeColumn().isPresent());
    }

    public Status status(Double value) {
        return thresholds == null ? Status.NONE : thresholds.status(direction, value);
    }
}
