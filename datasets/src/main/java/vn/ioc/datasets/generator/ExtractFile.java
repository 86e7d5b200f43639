package vn.ioc.datasets.generator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.EnumMap;
import java.util.Map;

/** One extract file being written: its rows, and the defects injected into it, counted exactly. */
final class ExtractFile implements AutoCloseable {
    private final Source source;
    private final String provinceCode;
    private final Path path;
    private final CsvRowWriter writer;
    private final DigestOutputStream digest;
    private final Map<Defect, Long> defects = new EnumMap<>(Defect.class);

    ExtractFile(Source source, String provinceCode, Path path, boolean bom) throws IOException {
        this.source = source;
        this.provinceCode = provinceCode;
        this.path = path;
        Files.createDirectories(path.getParent());
        try {
            this.digest = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16), MessageDigest.getInstance("SHA-256"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.writer = new CsvRowWriter(digest, bom, source.columns());
        if (bom) {
            count(Defect.UTF8_BOM);
        }
    }

    CsvRowWriter row() {
        return writer;
    }

    void count(Defect defect) {
        defects.merge(defect, 1L, Long::sum);
    }

    Source source() {
        return source;
    }

    String provinceCode() {
        return provinceCode;
    }

    Path path() {
        return path;
    }

    long rows() {
        return writer.rows();
    }

    Map<Defect, Long> defects() {
        return defects;
    }

    /** The SHA-256 of the bytes written, once closed. */
    String sha256() {
        return HexFormat.of().formatHex(digest.getMessageDigest().digest());
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
