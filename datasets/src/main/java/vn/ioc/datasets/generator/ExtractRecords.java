package vn.ioc.datasets.generator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a generated CSV extract back, row by row, each file in the encoding its manifest gives: what tests use to
 * work out expected figures from the extracts themselves, independently of the ingest.
 */
public final class ExtractRecords {
    /** A consumer of the rows of an extract. */
    @FunctionalInterface
    public interface RecordCheck {
        void accept(CSVRecord record) throws Exception;
    }

    private ExtractRecords() {
    }

    /** Hands every row of {@code source}'s files under {@code extracts} to {@code check}. */
    public static void forEach(Path extracts, Manifest manifest, String source, RecordCheck check) throws Exception {
        for (Manifest.FileEntry file : manifest.sources().get(source).files()) {
            try (Reader reader = Files.newBufferedReader(extracts.resolve(file.path()), Charset.forName(file.encoding()));
                 CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                for (CSVRecord record : parser) {
                    check.accept(record);
                }
            } catch (IOException e) {
                throw new IOException("cannot read " + file.path() + ": " + e.getMessage(), e);
            }
        }
    }
}
