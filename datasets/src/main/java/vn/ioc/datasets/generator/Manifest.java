package vn.ioc.datasets.generator;

import java.util.List;
import java.util.Map;

/**
 * What one generator run wrote, deterministic for its seed (no clock times): written as
 * {@code manifest.json} beside the extracts, and what ingest and the tests check the files against.
 */
public record Manifest(String generator, long seed, String scale, String format, String asOf, double defectRate,
                       boolean calibratedPopulation, List<String> provinces, Map<String, SourceSummary> sources) {
    /**
     * This generator and its version (of the extracts' columns and of how they are drawn): extracts of another version
     * are generated anew by the demo.
     */
    public static final String GENERATOR = "ioc-generate 5";

    /** One source: its files and totals. */
    public record SourceSummary(long rows, Map<String, Long> defects, List<FileEntry> files) {
    }

    /**
     * One file: its path relative to the output folder, rows (data lines, whatever their state),
     * size, SHA-256, text encoding (CSV) and the defects injected into it.
     */
    public record FileEntry(String path, String province, long rows, long bytes, String sha256, String encoding,
                            Map<String, Long> defects) {
    }
}
