package vn.ioc.ingest.input;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import vn.ioc.datasets.generator.FieldType;
import vn.ioc.datasets.generator.Source;
import vn.ioc.warehouse.files.FileTrees;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the files of one source under an input folder ({@code <source>/province=NN/*.csv|parquet}),
 * checks them before Spark reads them (present, not empty, the right columns; in Parquet, each of the right type, see
 * {@link FieldType}) and detects each CSV file's encoding: UTF-8 (with or without a BOM) or the legacy Windows-1258.
 */
public final class ExtractInput {
    public static final Charset WINDOWS_1258 = Charset.forName("windows-1258");
    private static final Pattern PROVINCE = Pattern.compile("province=(\\d{2})");

    private ExtractInput() {
    }

    public static List<InputFile> discover(Path input, String source, List<String> columns) {
        Path folder = input.resolve(source);
        if (!Files.isDirectory(folder)) {
            throw new InputException("no folder " + folder + ": the input has no " + source + " extract");
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(folder)) {
            paths = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".csv") || p.toString().endsWith(".parquet"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        if (paths.isEmpty()) {
            throw new InputException("no .csv or .parquet files under " + folder);
        }
        List<InputFile> files = new ArrayList<>();
        for (Path path : paths) {
            files.add(describe(path, source, columns));
        }
        if (files.stream().map(InputFile::format).distinct().count() > 1) {
            throw new InputException(folder + " mixes CSV and Parquet files: deliver one format per source");
        }
        return files;
    }

    private static InputFile describe(Path path, String source, List<String> columns) {
        try {
            long bytes = Files.size(path);
            if (bytes == 0) {
                throw new InputException(path + " is empty");
            }
            Matcher province = PROVINCE.matcher(path.toString());
            String code = province.find() ? province.group(1) : "";
            if (path.toString().endsWith(".parquet")) {
                checkParquetMagic(path);
                checkParquetSchema(path, source, columns);
                return new InputFile(path.toString(), code, "parquet", "", FileTrees.sha256(path), bytes);
            }
            byte[] head;
            try (InputStream in = Files.newInputStream(path)) {
                head = in.readNBytes(1 << 20);
            }
            String encoding = encodingOf(head);
            checkHeader(path, head, encoding, columns);
            return new InputFile(path.toString(), code, "csv", encoding, FileTrees.sha256(path), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** UTF-8 when the bytes decode as UTF-8 (a BOM says so outright); else the legacy Vietnamese code page. */
    static String encodingOf(byte[] head) {
        if (head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF) {
            return "UTF-8";
        }
        int length = head.length;
        // A multi-byte character may be cut at the end of the sample: ignore up to three trailing bytes.
        for (int cut = 0; cut <= Math.min(3, length); cut++) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(head, 0, length - cut));
                return "UTF-8";
            } catch (CharacterCodingException ignored) {
                // try a shorter sample
            }
        }
        return "windows-1258";
    }

    private static void checkHeader(Path path, byte[] head, String encoding, List<String> columns) {
        String text = new String(head, Charset.forName(encoding)).replace("\uFEFF", "");
        int end = text.indexOf('\n');
        String header = (end < 0 ? text : text.substring(0, end)).replace("\r", "");
        List<String> found = Arrays.stream(header.split(",", -1))
                .map(c -> Normalizer.normalize(c.strip().replace("\"", ""), Normalizer.Form.NFC)).toList();
        if (found.equals(columns)) {
            return;
        }
        Set<String> missing = new LinkedHashSet<>(columns);
        found.forEach(missing::remove);
        Set<String> unexpected = new LinkedHashSet<>(found);
        columns.forEach(unexpected::remove);
        throw new InputException(path + " has the wrong columns: " + (missing.isEmpty() ? "" : "missing " + missing + " ")
                + (unexpected.isEmpty() ? "" : "unexpected " + unexpected + " ")
                + (missing.isEmpty() && unexpected.isEmpty() ? "the right names in the wrong order " : "")
                + "(expected " + columns + ")");
    }

    /** The type a source's column has in a typed extract: text for a source the generator does not know. */
    public static FieldType typeOf(String source, String column) {
        return Source.named(source).map(known -> known.type(column)).orElse(FieldType.TEXT);
    }

    /** Every column present, each of its type; other columns are not read. */
    private static void checkParquetSchema(Path path, String source, List<String> columns) throws IOException {
        MessageType schema;
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(path.toUri()),
                new Configuration()))) {
            schema = reader.getFooter().getFileMetaData().getSchema();
        } catch (RuntimeException e) {
            throw new InputException(path + " is not a readable Parquet file: " + e.getMessage());
        }
        for (String column : columns) {
            FieldType expected = typeOf(source, column);
            if (!schema.containsField(column)) {
                throw new InputException(path + " has no column " + column + " (expected " + describe(expected) + ")");
            }
            Type found = schema.getType(column);
            if (!found.isPrimitive() || !holds(found.asPrimitiveType(), expected)) {
                throw new InputException(path + ": column " + column + " is " + found.toString().strip() + ", expected " + describe(expected));
            }
        }
    }

    private static String describe(FieldType type) {
        return switch (type) {
            case TEXT -> "text (BINARY, STRING)";
            case DATE -> "a date (INT32, DATE)";
            case TIMESTAMP -> "a timestamp (INT64, TIMESTAMP)";
            case INTEGER -> "a whole number (INT32 or INT64)";
        };
    }

    private static boolean holds(PrimitiveType column, FieldType expected) {
        LogicalTypeAnnotation annotation = column.getLogicalTypeAnnotation();
        return switch (expected) {
            case TEXT -> column.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.BINARY
                    && (annotation == null || annotation instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation);
            case DATE -> column.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT32
                    && annotation instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation;
            case TIMESTAMP -> column.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT64
                    && annotation instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation timestamp && timestamp.isAdjustedToUTC();
            case INTEGER -> (column.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT32
                    || column.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT64)
                    && (annotation == null || annotation instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation integer && integer.isSigned());
        };
    }

    private static void checkParquetMagic(Path path) throws IOException {
        long size = Files.size(path);
        byte[] start = new byte[4];
        byte[] end = new byte[4];
        try (var channel = Files.newByteChannel(path)) {
            channel.read(ByteBuffer.wrap(start));
            channel.position(Math.max(0, size - 4));
            channel.read(ByteBuffer.wrap(end));
        }
        byte[] magic = "PAR1".getBytes(StandardCharsets.US_ASCII);
        if (size < 12 || !Arrays.equals(start, magic) || !Arrays.equals(end, magic)) {
            throw new InputException(path + " is not a complete Parquet file (truncated or damaged: no PAR1 footer)");
        }
    }

}
