package vn.ioc.warehouse.server;

import com.clickhouse.data.ClickHouseCityHash;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FastDecompressor;

import vn.ioc.warehouse.engine.EngineException;

import java.io.IOException;
import java.io.InputStream;

import static vn.ioc.warehouse.server.CompressedBlockOutputStream.CHECKSUM_SIZE;
import static vn.ioc.warehouse.server.CompressedBlockOutputStream.HEADER_SIZE;

/**
 * Reads a request body sent in ClickHouse's compressed-block framing ({@code decompress=1}), checking
 * every block's checksum. Methods: LZ4 ({@code 0x82}) and none ({@code 0x02}).
 */
final class CompressedBlockInputStream extends InputStream {
    private static final byte NONE = 0x02;
    private static final int MAX_BLOCK = 1 << 30;
    private static final LZ4FastDecompressor DECOMPRESSOR = LZ4Factory.fastestInstance().fastDecompressor();

    private final InputStream in;
    private byte[] block = new byte[0];
    private int position;
    private int limit;

    CompressedBlockInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        if (position == limit && !nextBlock()) {
            return -1;
        }
        return block[position++] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == limit && !nextBlock()) {
            return -1;
        }
        int n = Math.min(length, limit - position);
        System.arraycopy(block, position, target, offset, n);
        position += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private boolean nextBlock() throws IOException {
        byte[] head = in.readNBytes(CHECKSUM_SIZE + HEADER_SIZE);
        if (head.length == 0) {
            return false;
        }
        if (head.length < CHECKSUM_SIZE + HEADER_SIZE) {
            throw EngineException.of(271, "CANNOT_DECOMPRESS", "compressed request body ends inside a block header");
        }
        byte method = head[CHECKSUM_SIZE];
        int compressedSize = getInt(head, CHECKSUM_SIZE + 1);
        int size = getInt(head, CHECKSUM_SIZE + 5);
        if (compressedSize < HEADER_SIZE || compressedSize > MAX_BLOCK || size < 0 || size > MAX_BLOCK) {
            throw EngineException.of(271, "CANNOT_DECOMPRESS", "compressed request body has an impossible block size");
        }
        byte[] frame = new byte[compressedSize];
        System.arraycopy(head, CHECKSUM_SIZE, frame, 0, HEADER_SIZE);
        if (in.readNBytes(frame, HEADER_SIZE, compressedSize - HEADER_SIZE) != compressedSize - HEADER_SIZE) {
            throw EngineException.of(271, "CANNOT_DECOMPRESS", "compressed request body ends inside a block");
        }
        long[] checksum = ClickHouseCityHash.cityHash128(frame, 0, compressedSize);
        if (checksum[0] != getLong(head, 0) || checksum[1] != getLong(head, 8)) {
            throw EngineException.of(40, "CHECKSUM_DOESNT_MATCH", "Checksum doesn't match: corrupted data in the compressed request body");
        }
        if (block.length < size) {
            block = new byte[size];
        }
        if (method == CompressedBlockOutputStream.LZ4) {
            try {
                DECOMPRESSOR.decompress(frame, HEADER_SIZE, block, 0, size);
            } catch (LZ4Exception e) {
                throw EngineException.of(271, "CANNOT_DECOMPRESS", "Cannot decompress LZ4 block: " + e.getMessage());
            }
        } else if (method == NONE && size == compressedSize - HEADER_SIZE) {
            System.arraycopy(frame, HEADER_SIZE, block, 0, size);
        } else {
            throw EngineException.of(432, "UNKNOWN_CODEC", String.format("Unknown codec family code: 0x%02x", method & 0xFF));
        }
        position = 0;
        limit = size;
        return true;
    }

    private static int getInt(byte[] source, int at) {
        int value = 0;
        for (int i = 3; i >= 0; i--) {
            value = (value << 8) | (source[at + i] & 0xFF);
        }
        return value;
    }

    private static long getLong(byte[] source, int at) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (source[at + i] & 0xFF);
        }
        return value;
    }
}
