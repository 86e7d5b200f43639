package vn.ioc.analytics.catalogue;

import java.util.Set;

/** The rules one catalogue entry must keep; the first broken one is reported with the KPI and the field. */
final class KpiCheck {
    private static final Set<String> DOMAINS = Set.of("population", "vaccination", "education", "services");

    private final Kpi kpi;
    private final String label;
    private final String file;

    KpiCheck(Kpi kpi, String label, String file) {
        this.kpi = kpi;
        this.label = label;
        this.file = file;
    }

    void run() {
        require(kpi.id() != null && kpi.id().matches("[a-z][a-z0-9_.]*"), "id", "is missing or not lower-case words joined by '.' or '_'");
        require(kpi.domain() != null && DOMAINS.contains(kpi.domain()), "domain", "is not one of " + DOMAINS);
        text(kpi.name(), "name");
        text(kpi.definition(), "definition");
        require(kpi.unit() != null && !kpi.unit().isBlank(), "unit", "is missing");
        require(kpi.direction() != null, "direction", "is missing (higher or lower)");
        text(kpi.source(), "source");
        require(kpi.factor() > 0, "factor", "is missing or not positive");
        if (kpi.communeShare() != null) {
            require(kpi.numerator() == null && kpi.denominator() == null, "communeShare", "excludes numerator and denominator");
        } else {
            require(kpi.numerator() != null, "numerator", "is missing");
            measure(kpi.numerator(), "numerator");
            if (kpi.denominator() != null) {
                measure(kpi.denominator(), "denominator");
            }
            for (String breakdown : kpi.breakdowns()) {
                require(kpi.numerator().fact().dimension(breakdown).isPresent(), "breakdowns",
                        "'" + breakdown + "' is not a dimension of " + kpi.numerator().fact().table());
            }
        }
        require(kpi.plausible() != null, "plausible", "is required: the values real data can take ({\"min\": …, \"max\": …}, null for no bound)");
        require(kpi.plausible().min() == null || kpi.plausible().max() == null || kpi.plausible().min() < kpi.plausible().max(),
                "plausible", "min must be below max");
        if (kpi.thresholds() != null) {
            Thresholds bands = kpi.thresholds();
            require(bands.green() != null && bands.amber() != null, "thresholds", "needs both green and amber");
            require(kpi.direction().meets(bands.green(), bands.amber()), "thresholds",
                    "green (" + bands.green() + ") must be better than amber (" + bands.amber() + ") for a " + kpi.direction() + "-is-better KPI");
        }
        kpi.targets().forEach((year, target) -> require(year >= 2000 && year <= 2100 && target != null, "targets", "has a bad entry for " + year));
    }

    private void measure(Measure measure, String field) {
        require(measure.fact() != null, field + ".fact", "is missing or unknown");
        require(measure.value() != null && !measure.value().isBlank(), field + ".value", "is missing");
        expression(measure.value(), measure.fact(), field + ".value");
        if (measure.where() != null) {
            expression(measure.where(), measure.fact(), field + ".where");
        }
        require(measure.fact().time() == Fact.Time.FLOW || measure.window() == Window.PERIOD, field + ".window",
                "must be period on " + measure.fact().table() + ", which holds snapshots or is not dated");
    }

    private void expression(String expression, Fact fact, String field) {
        String problem = SqlExpression.problem(expression, fact);
        require(problem == null, field, problem);
    }

    private void text(LocalizedText text, String field) {
        require(text != null && text.vi() != null && !text.vi().isBlank() && text.en() != null && !text.en().isBlank(), field,
                "needs both vi and en");
    }

    private void require(boolean condition, String field, String problem) {
        if (!condition) {
            throw new CatalogueException(file + ": " + label + ": " + field + " " + problem);
        }
    }
}
