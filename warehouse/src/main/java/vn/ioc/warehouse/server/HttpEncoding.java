package vn.ioc.warehouse.server;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.BrotliInputStream;
import com.aayushatharva.brotli4j.encoder.BrotliOutputStream;
import com.aayushatharva.brotli4j.encoder.Encoder;
import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorInputStream;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.UnsupportedOptionsException;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;
import vn.ioc.warehouse.engine.EngineException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * HTTP content encodings as a ClickHouse server reads them in request bodies ({@code Content-Encoding}) and writes them
 * in answers ({@code enable_http_compression=1} and {@code Accept-Encoding}), in its order of preference: of the
 * encodings a client accepts, the server answers in the first of this order, whatever the client's own order or
 * weights (ClickHouse's {@code chooseHTTPCompressionMethod}); {@code q=0} refuses one. The level is
 * {@code http_zlib_compression_level} (ClickHouse's default 3) for every encoding, as there. ClickHouse also names
 * snappy, but cannot write it and reads it only in Hadoop's framing: not here.
 */
enum HttpEncoding {
    ZSTD("zstd"), BR("br"), LZ4("lz4"), GZIP("gzip"), DEFLATE("deflate"), XZ("xz"), BZ2("bz2");

    /** ClickHouse's default {@code http_zlib_compression_level}. */
    static final int DEFAULT_LEVEL = 3;
    /** An xz body may not make its decoder allocate more than this (a crafted header could ask for gigabytes). */
    private static final int XZ_MEMORY_LIMIT_KIB = 64 * 1024;
    private static final int BUFFER = 64 * 1024;

    private final String headerName;

    HttpEncoding(String headerName) {
        this.headerName = headerName;
    }

    String headerName() {
        return headerName;
    }

    /** The encoding a request body names; identity (or no header) is none. Any other name is refused, naming those read. */
    static Optional<HttpEncoding> ofContentEncoding(String header) {
        if (header == null || header.isBlank() || header.strip().equalsIgnoreCase("identity")) {
            return Optional.empty();
        }
        String name = header.strip().toLowerCase(Locale.ROOT);
        if (name.equals("x-gzip")) {
            return Optional.of(GZIP);
        }
        return Arrays.stream(values()).filter(e -> e.headerName.equals(name)).findFirst().or(() -> {
            throw EngineException.of(36, "BAD_ARGUMENTS", "Content-Encoding '" + header + "' is not supported: send "
                    + Arrays.stream(values()).map(HttpEncoding::headerName).collect(Collectors.joining(", "))
                    + ", or ClickHouse's own compression with decompress=1");
        });
    }

    /** The encoding to answer in: the first of this server's order that the client's {@code Accept-Encoding} accepts. */
    static Optional<HttpEncoding> forAnswer(String acceptEncoding) {
        if (acceptEncoding == null) {
            return Optional.empty();
        }
        Set<String> accepted = Arrays.stream(acceptEncoding.toLowerCase(Locale.ROOT).split(","))
                .map(offer -> offer.split(";"))
                .filter(parts -> Arrays.stream(parts).skip(1).map(String::strip).noneMatch(HttpEncoding::isZeroWeight))
                .map(parts -> parts[0].strip())
                .collect(Collectors.toSet());
        return Arrays.stream(values()).filter(e -> accepted.contains(e.headerName)).findFirst();
    }

    private static boolean isZeroWeight(String parameter) {
        return parameter.replace(" ", "").matches("q=0(\\.0*)?");
    }

    /** Reads a request body in this encoding. */
    InputStream decode(InputStream body) throws IOException {
        return switch (this) {
            case ZSTD -> new ZstdInputStream(body);
            case BR -> {
                Brotli4jLoader.ensureAvailability();
                yield new BrotliInputStream(body);
            }
            case LZ4 -> new FramedLZ4CompressorInputStream(body, true);
            case GZIP -> new GZIPInputStream(body, BUFFER);
            case DEFLATE -> new InflaterInputStream(body);
            case XZ -> new XZInputStream(body, XZ_MEMORY_LIMIT_KIB);
            case BZ2 -> new BZip2CompressorInputStream(body, true);
        };
    }

    /** Writes an answer in this encoding at {@code level}: up to 22 for zstd, 9 for the others (lz4 frames have none). */
    OutputStream encode(OutputStream answer, int requestedLevel) throws IOException {
        int level = this == ZSTD ? requestedLevel : Math.min(requestedLevel, 9);
        return switch (this) {
            case ZSTD -> new ZstdOutputStream(answer, level);
            case BR -> {
                Brotli4jLoader.ensureAvailability();
                yield new BrotliOutputStream(answer, new Encoder.Parameters().setQuality(level), BUFFER);
            }
            case LZ4 -> new FramedLZ4CompressorOutputStream(answer);
            case GZIP -> new GZIPOutputStream(answer, BUFFER) {
                {
                    def.setLevel(level);
                }
            };
            case DEFLATE -> new DeflaterOutputStream(answer, new Deflater(level), BUFFER);
            case XZ -> {
                try {
                    yield new XZOutputStream(answer, new LZMA2Options(level));
                } catch (UnsupportedOptionsException e) {
                    throw new IllegalArgumentException("xz level " + level + ": " + e.getMessage(), e);
                }
            }
            case BZ2 -> new BZip2CompressorOutputStream(answer, level);
        };
    }

    /** Reads {@code http_zlib_compression_level}: 1-9, up to 22 for zstd (a level above 9 is 9 for the others). */
    static int level(String setting) {
        if (setting == null || setting.isEmpty()) {
            return DEFAULT_LEVEL;
        }
        try {
            int level = Integer.parseInt(setting.strip());
            if (level >= 1 && level <= 22) {
                return level;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw EngineException.of(36, "BAD_ARGUMENTS", "http_zlib_compression_level must be a whole number from 1 to 9 (up to 22 for zstd), not '"
                + setting + "'");
    }
}
