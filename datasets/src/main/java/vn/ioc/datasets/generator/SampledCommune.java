package vn.ioc.datasets.generator;

import vn.ioc.datasets.units.Commune;

/**
 * One commune of the sample the generator draws: its population (the statistics office's) and how many of its
 * residents were generated. Each generated resident, and each of their doses and applications, stands for
 * {@link #weight()} people: written to {@code sample_design.csv}, it is the weight the warehouse counts
 * them with, so that figures show at the nation's size and numerators and denominators come from one population.
 */
public record SampledCommune(String communeCode, String provinceCode, long population, long sampled) {
    public static final String FILE = "sample_design.csv";
    public static final String HEADER = "commune_code,province_code,population,sampled,weight";

    /** Residents generated for a commune: its share of the scale, at least three. */
    static int sampleSize(Commune commune, Scale scale) {
        return (int) Math.max(3, Math.round(commune.population() * scale.fraction()));
    }

    /**
     * How many people each generated resident stands for: a whole number, so that weighted counts stay counts and the
     * live feed's and the warehouse's agree exactly; rounded down, so that a weighted total never exceeds the population.
     */
    public long weight() {
        return Math.max(1, population / sampled);
    }

    String csvLine() {
        return communeCode + "," + provinceCode + "," + population + "," + sampled + "," + weight();
    }
}
