package vn.ioc.datasets.generator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * One run of the generator.
 *
 * @param defectRate chance that a row carries a defect, of a kind drawn among those its source can have (0 for clean extracts)
 * @param provinces  province codes to generate, empty for all 34
 * @param asOf       the day the extracts are taken
 * @param threads    provinces generated at once
 */
public record GeneratorOptions(Scale scale, long seed, Path out, ExtractFormat format, double defectRate, Set<String> provinces,
                               LocalDate asOf, int threads) {
    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 10, 31);
    public static final double DEFAULT_DEFECT_RATE = 0.001;
    /**
     * Months of history the extracts cover, the extract's month included: the vaccine supply's months, the registry's
     * dated states (from which ingest tells the registry of each month), the events and school years.
     */
    public static final int HISTORY_MONTHS = 24;

    public GeneratorOptions {
        requireNonNull(scale, "scale");
        requireNonNull(out, "out");
        requireNonNull(format, "format");
        provinces = Set.copyOf(provinces);
        requireNonNull(asOf, "asOf");
        if (defectRate < 0 || defectRate > 0.05) {
            throw new IllegalArgumentException("the defect rate must be between 0 and 0.05, not " + defectRate);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }
}
