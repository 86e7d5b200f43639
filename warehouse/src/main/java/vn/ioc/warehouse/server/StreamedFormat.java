package vn.ioc.warehouse.server;

import vn.ioc.warehouse.engine.EngineException;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The engine formats each streamed chunk on its own, header included. For row formats the chunks can be
 * joined into one valid result by keeping the header of the first chunk only; other formats (JSON,
 * Parquet, Pretty...) wrap the whole result and are answered in one piece instead.
 */
final class StreamedFormat {
    private enum Header { NONE, TEXT_LINE, TEXT_TWO_LINES, BINARY_NAMES, BINARY_NAMES_AND_TYPES }

    private static final Map<String, Header> STREAMABLE = Map.ofEntries(
            Map.entry("tabseparated", Header.NONE), Map.entry("tsv", Header.NONE),
            Map.entry("tabseparatedraw", Header.NONE), Map.entry("tsvraw", Header.NONE),
            Map.entry("csv", Header.NONE), Map.entry("jsoneachrow", Header.NONE), Map.entry("jsonlines", Header.NONE),
            Map.entry("ndjson", Header.NONE), Map.entry("jsoncompacteachrow", Header.NONE),
            Map.entry("jsonstringseachrow", Header.NONE), Map.entry("jsoncompactstringseachrow", Header.NONE),
            Map.entry("rowbinary", Header.NONE), Map.entry("native", Header.NONE), Map.entry("lineasstring", Header.NONE),
            Map.entry("tabseparatedwithnames", Header.TEXT_LINE), Map.entry("tsvwithnames", Header.TEXT_LINE),
            Map.entry("tabseparatedrawwithnames", Header.TEXT_LINE), Map.entry("tsvrawwithnames", Header.TEXT_LINE),
            Map.entry("csvwithnames", Header.TEXT_LINE), Map.entry("jsoncompacteachrowwithnames", Header.TEXT_LINE),
            Map.entry("jsoncompactstringseachrowwithnames", Header.TEXT_LINE),
            Map.entry("tabseparatedwithnamesandtypes", Header.TEXT_TWO_LINES), Map.entry("tsvwithnamesandtypes", Header.TEXT_TWO_LINES),
            Map.entry("tabseparatedrawwithnamesandtypes", Header.TEXT_TWO_LINES), Map.entry("tsvrawwithnamesandtypes", Header.TEXT_TWO_LINES),
            Map.entry("csvwithnamesandtypes", Header.TEXT_TWO_LINES), Map.entry("jsoncompacteachrowwithnamesandtypes", Header.TEXT_TWO_LINES),
            Map.entry("jsoncompactstringseachrowwithnamesandtypes", Header.TEXT_TWO_LINES),
            Map.entry("rowbinarywithnames", Header.BINARY_NAMES),
            Map.entry("rowbinarywithnamesandtypes", Header.BINARY_NAMES_AND_TYPES));

    private final Header header;
    private byte[] firstHeader;

    private StreamedFormat(Header header) {
        this.header = header;
    }

    /** How to join streamed chunks of this format, or empty when it must be answered whole. */
    static Optional<StreamedFormat> of(String format) {
        return Optional.ofNullable(STREAMABLE.get(format.toLowerCase(Locale.ROOT))).map(StreamedFormat::new);
    }

    /** The part of a chunk that belongs in the joined result: all of the first, the rows of the others. */
    ByteBuffer rowsOf(ByteBuffer chunk) {
        if (header == Header.NONE) {
            return chunk;
        }
        int length = headerLength(chunk.duplicate());
        if (firstHeader == null) {
            firstHeader = new byte[length];
            chunk.duplicate().get(firstHeader);
            return chunk;
        }
        if (length != firstHeader.length || !chunk.slice(chunk.position(), length).equals(ByteBuffer.wrap(firstHeader))) {
            throw EngineException.unknown("a streamed result chunk did not repeat the result's header");
        }
        return chunk.position(chunk.position() + length);
    }

    private int headerLength(ByteBuffer chunk) {
        int start = chunk.position();
        switch (header) {
            case TEXT_LINE, TEXT_TWO_LINES -> {
                int lines = header == Header.TEXT_LINE ? 1 : 2;
                while (chunk.hasRemaining() && lines > 0) {
                    if (chunk.get() == '\n') {
                        lines--;
                    }
                }
            }
            case BINARY_NAMES, BINARY_NAMES_AND_TYPES -> {
                long columns = varint(chunk);
                long strings = header == Header.BINARY_NAMES ? columns : 2 * columns;
                for (long i = 0; i < strings; i++) {
                    long size = varint(chunk);
                    chunk.position(Math.toIntExact(chunk.position() + size));
                }
            }
            case NONE -> {
                return 0;
            }
        }
        return chunk.position() - start;
    }

    private static long varint(ByteBuffer buffer) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = buffer.get();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw EngineException.unknown("malformed RowBinary header in a streamed result");
    }
}
