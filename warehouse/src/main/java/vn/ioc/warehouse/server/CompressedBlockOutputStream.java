package vn.ioc.warehouse.server;

import com.clickhouse.data.ClickHouseCityHash;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * ClickHouse's compressed-block framing ({@code compress=1} on the HTTP interface): each block is a
 * CityHash128 checksum (16 bytes), method {@code 0x82} (LZ4), compressed size including the 9-byte
 * header, uncompressed size (both little-endian 32-bit), then the LZ4 block.
 */
final class CompressedBlockOutputStream extends FilterOutputStream {
    static final int BLOCK_SIZE = 1 << 20;
    static final int CHECKSUM_SIZE = 16;
    static final int HEADER_SIZE = 9;
    static final byte LZ4 = (byte) 0x82;

    private static final LZ4Compressor COMPRESSOR = LZ4Factory.fastestInstance().fastCompressor();

    /** What the first block holds before it grows: most answers are a few rows, and a 1 MiB buffer each cost milliseconds. */
    private static final int FIRST_BLOCK_SIZE = 16 * 1024;
    private byte[] block = new byte[FIRST_BLOCK_SIZE];
    private byte[] frame = new byte[0];
    private int filled;

    CompressedBlockOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (filled == block.length) {
                if (block.length < BLOCK_SIZE) {
                    block = Arrays.copyOf(block, Math.min(BLOCK_SIZE, 4 * block.length));
                } else {
                    writeBlock();
                }
            }
            int n = Math.min(length, block.length - filled);
            System.arraycopy(bytes, offset, block, filled, n);
            filled += n;
            offset += n;
            length -= n;
        }
    }

    @Override
    public void flush() throws IOException {
        writeBlock();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            writeBlock();
        } finally {
            out.close();
        }
    }

    private void writeBlock() throws IOException {
        if (filled == 0) {
            return;
        }
        int room = CHECKSUM_SIZE + HEADER_SIZE + COMPRESSOR.maxCompressedLength(filled);
        if (frame.length < room) {
            frame = new byte[room];
        }
        int compressed = COMPRESSOR.compress(block, 0, filled, frame, CHECKSUM_SIZE + HEADER_SIZE);
        frame[CHECKSUM_SIZE] = LZ4;
        putInt(frame, CHECKSUM_SIZE + 1, compressed + HEADER_SIZE);
        putInt(frame, CHECKSUM_SIZE + 5, filled);
        long[] checksum = ClickHouseCityHash.cityHash128(frame, CHECKSUM_SIZE, HEADER_SIZE + compressed);
        putLong(frame, 0, checksum[0]);
        putLong(frame, 8, checksum[1]);
        out.write(frame, 0, CHECKSUM_SIZE + HEADER_SIZE + compressed);
        filled = 0;
    }

    static void putInt(byte[] target, int at, int value) {
        for (int i = 0; i < 4; i++) {
            target[at + i] = (byte) (value >>> (8 * i));
        }
    }

    static void putLong(byte[] target, int at, long value) {
        for (int i = 0; i < 8; i++) {
            target[at + i] = (byte) (value >>> (8 * i));
        }
    }
}
