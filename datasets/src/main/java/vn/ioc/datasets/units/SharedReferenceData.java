package vn.ioc.datasets.units;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The richer, optional reference data (see its PROVENANCE.md): English names and unit types of the 2026
 * state, NSO 2024 province populations, commune area and population, and the 10,035 pre-reform communes.
 * Found at {@code IOC_REFERENCE_DATA}, or {@code ../shared/datasets} beside the project; the product runs
 * without it.
 */
public final class SharedReferenceData {
    private final Path root;

    private SharedReferenceData(Path root) {
        this.root = root;
    }

    /** The configured folder if it holds the reference data; else empty. */
    public static Optional<SharedReferenceData> locate(Optional<Path> configured) {
        List<Path> candidates = new ArrayList<>();
        configured.ifPresent(candidates::add);
        String variable = System.getenv("IOC_REFERENCE_DATA");
        if (variable != null && !variable.isBlank()) {
            candidates.add(Path.of(variable));
        }
        candidates.add(Path.of("..", "shared", "datasets"));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate.resolve("admin-units/provinces_34_2026-04-30_v4.2.0.csv"))) {
                return Optional.of(new SharedReferenceData(candidate.toAbsolutePath().normalize()));
            }
            if (configured.isPresent() && candidate.equals(configured.get())) {
                throw new IllegalArgumentException("reference data folder " + candidate + " does not hold admin-units/provinces_34_2026-04-30_v4.2.0.csv");
            }
        }
        return Optional.empty();
    }

    public Path root() {
        return root;
    }

    /** A row of one of the files, by column name, NFC-normalised. */
    public record Row(Map<String, String> values) {
        public String get(String column) {
            String value = values.get(column);
            if (value == null) {
                throw new IllegalStateException("reference data has no column " + column);
            }
            return value;
        }
    }

    public Map<String, Row> provinces2026() {
        return byCode("admin-units/provinces_34_2026-04-30_v4.2.0.csv", "code");
    }

    public Map<String, Row> communes2026() {
        return byCode("admin-units/communes_3321_2026-04-30_v4.2.0.csv", "code");
    }

    public Map<String, Row> communesPreReform() {
        return byCode("admin-units/communes_10035_pre2025_v2.4.1.csv", "code");
    }

    public Map<String, Row> provinceStatistics() {
        return byCode("stats/nso_province_stats_2024_aggregated_to_34_vnmap.csv", "code");
    }

    public Map<String, Row> communeAreaAndPopulation() {
        return byCode("stats/communes_3321_area_population_bando.csv", "code");
    }

    private Map<String, Row> byCode(String file, String column) {
        return read(root.resolve(file)).stream()
                .collect(Collectors.toMap(row -> row.get(column), Function.identity(), (first, duplicate) -> first));
    }

    static List<Row> read(Path file) {
        requireNonNull(file, "file");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                Map<String, String> values = record.toMap().entrySet().stream().collect(Collectors.toMap(
                        e -> e.getKey().replace("\uFEFF", ""), e -> Normalizer.normalize(e.getValue().strip(), Normalizer.Form.NFC)));
                rows.add(new Row(values));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference data " + file + ": " + e.getMessage(), e);
        }
    }
}
