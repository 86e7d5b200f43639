package vn.ioc.ingest.sample;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.ioc.ingest.input.InputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The design of a sample of the population, when the extracts are one ({@code sample_design.csv} beside them, as the
 * generator writes it): each commune's population, the residents drawn and the whole number of people each stands
 * for. The person counts of the facts are multiplied by it, so that a numerator and its denominator (often the
 * statistics office's population) come from one population; extracts without a design are the population itself.
 */
public final class SampleDesign {
    public static final String FILE = "sample_design.csv";
    public static final List<String> COLUMNS = List.of("commune_code", "province_code", "population", "sampled", "weight");

    /** One commune of the sample. */
    public record Commune(String code, String provinceCode, long population, long sampled, long weight) {
        Object[] row() {
            return new Object[]{code, provinceCode, population, sampled, weight};
        }
    }

    private final List<Commune> communes;

    private SampleDesign(List<Commune> communes) {
        this.communes = List.copyOf(communes);
    }

    /** The design beside the extracts in {@code input}, if they are a sample; a malformed line is named. */
    public static Optional<SampleDesign> read(Path input) {
        Path file = input.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample design " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !lines.getFirst().strip().equals(String.join(",", COLUMNS))) {
            throw new InputException(file + ", line 1: the header must be " + String.join(",", COLUMNS));
        }
        List<Commune> communes = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                communes.add(commune(file, i + 1, lines.get(i).strip().split(",", -1)));
            }
        }
        return Optional.of(new SampleDesign(communes));
    }

    private static Commune commune(Path file, int line, String[] fields) {
        if (fields.length != COLUMNS.size()) {
            throw new InputException(file + ", line " + line + ": " + fields.length + " fields where the header has " + COLUMNS.size());
        }
        if (!fields[0].matches("\\d{5}") || !fields[1].matches("\\d{2}")) {
            throw new InputException(file + ", line " + line + ": commune_code must be 5 digits and province_code 2, not '"
                    + fields[0] + "', '" + fields[1] + "'");
        }
        long[] numbers = new long[3];
        for (int f = 2; f < 5; f++) {
            try {
                numbers[f - 2] = Long.parseLong(fields[f]);
            } catch (NumberFormatException e) {
                throw new InputException(file + ", line " + line + ", column " + COLUMNS.get(f) + ": '" + fields[f] + "' is not a whole number");
            }
            if (numbers[f - 2] < 1) {
                throw new InputException(file + ", line " + line + ", column " + COLUMNS.get(f) + ": must be at least 1, not " + fields[f]);
            }
        }
        return new Commune(fields[0], fields[1], numbers[0], numbers[1], numbers[2]);
    }

    public List<Commune> communes() {
        return communes;
    }

    /** The rows of the warehouse's {@code sample_design} table, in {@link #COLUMNS} order. */
    public List<Object[]> rows() {
        return communes.stream().map(Commune::row).toList();
    }

    /** Each commune's weight. */
    public Map<String, Long> weights() {
        Map<String, Long> weights = new HashMap<>();
        communes.forEach(commune -> weights.put(commune.code(), commune.weight()));
        return weights;
    }

    /** The weights as a table {@code (weight_commune, weight)}, for {@link #weigh}. */
    public Dataset<Row> weights(SparkSession spark) {
        StructType schema = new StructType().add("weight_commune", DataTypes.StringType, false).add("weight", DataTypes.LongType, false);
        return spark.createDataFrame(communes.stream().map(c -> RowFactory.create(c.code(), c.weight())).toList(), schema);
    }

    /**
     * Step: multiplies the {@code counts} columns of fact rows by their commune's weight (1 for a commune the design
     * does not name), keeping the column order.
     */
    public static Dataset<Row> weigh(Dataset<Row> facts, Dataset<Row> weights, List<String> counts) {
        if (counts.isEmpty()) {
            return facts;
        }
        Dataset<Row> joined = facts.join(broadcast(weights), facts.col("commune_code").equalTo(weights.col("weight_commune")), "left");
        Column weight = coalesce(col("weight"), lit(1L));
        Column[] columns = Arrays.stream(facts.columns())
                .map(name -> counts.contains(name) ? col(name).multiply(weight).cast("long").as(name) : col(name))
                .toArray(Column[]::new);
        return joined.select(columns);
    }
}
