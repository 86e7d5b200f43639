package vn.ioc.datasets.generator;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes CSV rows straight into bytes, the way government exports look: comma-separated, a header
 * line, fields quoted only when they must be. Dates and numbers are formatted without allocation, since
 * the national scale writes hundreds of millions of rows.
 */
final class CsvRowWriter implements Closeable {
    private static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    private static final int DAYS = (int) (LocalDate.of(2031, 1, 1).toEpochDay() - FIRST_DAY.toEpochDay());
    private static final byte[] DATES = dates();
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private boolean rowStarted;
    private long rows;

    CsvRowWriter(OutputStream out, boolean bom, List<String> columns) throws IOException {
        this.out = out;
        if (bom) {
            put(BOM, 0, BOM.length);
        }
        for (String column : columns) {
            text(column);
        }
        endRow();
        rows = 0;
    }

    private static byte[] dates() {
        byte[] table = new byte[DAYS * 10];
        for (int i = 0; i < DAYS; i++) {
            byte[] text = FIRST_DAY.plusDays(i).toString().getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(text, 0, table, i * 10, 10);
        }
        return table;
    }

    long rows() {
        return rows;
    }

    CsvRowWriter text(String value) throws IOException {
        separator();
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            put(bytes, 0, bytes.length);
            return this;
        }
        byte[] bytes = ('"' + value.replace("\"", "\"\"") + '"').getBytes(StandardCharsets.UTF_8);
        put(bytes, 0, bytes.length);
        return this;
    }

    /** A field already encoded as UTF-8 and known to need no quoting. */
    CsvRowWriter bytes(byte[] value) throws IOException {
        separator();
        put(value, 0, value.length);
        return this;
    }

    CsvRowWriter number(long value) throws IOException {
        separator();
        if (value < 0) {
            putByte('-');
            value = -value;
        }
        if (value < 10) {
            putByte('0' + (int) value);
            return this;
        }
        // Room first: making room may flush the buffer and move the position.
        ensure(20);
        int start = position;
        while (value > 0) {
            buffer[position++] = (byte) ('0' + value % 10);
            value /= 10;
        }
        for (int i = start, j = position - 1; i < j; i++, j--) {
            byte t = buffer[i];
            buffer[i] = buffer[j];
            buffer[j] = t;
        }
        return this;
    }

    /** An identifier: a prefix, then {@code value} zero-padded to {@code digits}. */
    CsvRowWriter code(byte[] prefix, long value, int digits) throws IOException {
        separator();
        put(prefix, 0, prefix.length);
        ensure(digits);
        for (int i = position + digits - 1; i >= position; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        position += digits;
        return this;
    }

    CsvRowWriter date(long epochDay) throws IOException {
        separator();
        int index = (int) (epochDay - FIRST_DAY.toEpochDay());
        if (index < 0 || index >= DAYS) {
            byte[] text = LocalDate.ofEpochDay(epochDay).toString().getBytes(StandardCharsets.US_ASCII);
            put(text, 0, text.length);
        } else {
            put(DATES, index * 10, 10);
        }
        return this;
    }

    /** {@code yyyy-MM-dd HH:mm:ss} for seconds since the epoch (local time, as source systems export it). */
    CsvRowWriter timestamp(long epochSecond) throws IOException {
        date(Math.floorDiv(epochSecond, 86_400));
        int second = (int) Math.floorMod(epochSecond, 86_400);
        ensure(9);
        buffer[position++] = ' ';
        two(second / 3600);
        buffer[position++] = ':';
        two(second / 60 % 60);
        buffer[position++] = ':';
        two(second % 60);
        return this;
    }

    CsvRowWriter blank() throws IOException {
        separator();
        return this;
    }

    /** Ends the row. */
    void endRow() throws IOException {
        putByte('\n');
        rowStarted = false;
        rows++;
    }

    /** A line that is not valid CSV for this file (a field short, or a quote left open), ended like any row. */
    void malformedRow(byte[] line) throws IOException {
        put(line, 0, line.length);
        endRow();
    }

    private void two(int value) {
        buffer[position++] = (byte) ('0' + value / 10);
        buffer[position++] = (byte) ('0' + value % 10);
    }

    private void separator() throws IOException {
        if (rowStarted) {
            putByte(',');
        }
        rowStarted = true;
    }

    private void putByte(int b) throws IOException {
        ensure(1);
        buffer[position++] = (byte) b;
    }

    private void put(byte[] bytes, int offset, int length) throws IOException {
        if (length > buffer.length - position) {
            flushBuffer();
            if (length > buffer.length) {
                out.write(bytes, offset, length);
                return;
            }
        }
        System.arraycopy(bytes, offset, buffer, position, length);
        position += length;
    }

    private void ensure(int bytes) throws IOException {
        if (buffer.length - position < bytes) {
            flushBuffer();
        }
    }

    private void flushBuffer() throws IOException {
        out.write(buffer, 0, position);
        position = 0;
    }

    @Override
    public void close() throws IOException {
        flushBuffer();
        out.close();
    }
}
