package vn.ioc.warehouse.engine;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/** A {@link Statement} laid out in native memory for the {@code *_with_params_n} calls. */
record NativeStatement(MemorySegment sql, long sqlLength, MemorySegment format, long formatLength,
                       MemorySegment names, MemorySegment nameLengths, MemorySegment values,
                       MemorySegment valueLengths, long parameterCount) {

    static NativeStatement allocate(Arena arena, Statement statement) {
        byte[] sql = statement.sql().getBytes(StandardCharsets.UTF_8);
        byte[] format = statement.format().getBytes(StandardCharsets.UTF_8);
        List<Map.Entry<String, String>> parameters = List.copyOf(statement.parameters().entrySet());
        int count = parameters.size();
        MemorySegment names = count == 0 ? MemorySegment.NULL : arena.allocate(ADDRESS, count);
        MemorySegment nameLengths = count == 0 ? MemorySegment.NULL : arena.allocate(JAVA_LONG, count);
        MemorySegment values = count == 0 ? MemorySegment.NULL : arena.allocate(ADDRESS, count);
        MemorySegment valueLengths = count == 0 ? MemorySegment.NULL : arena.allocate(JAVA_LONG, count);
        for (int i = 0; i < count; i++) {
            byte[] name = parameters.get(i).getKey().getBytes(StandardCharsets.UTF_8);
            byte[] value = parameters.get(i).getValue().getBytes(StandardCharsets.UTF_8);
            names.setAtIndex(ADDRESS, i, bytes(arena, name));
            nameLengths.setAtIndex(JAVA_LONG, i, name.length);
            values.setAtIndex(ADDRESS, i, bytes(arena, value));
            valueLengths.setAtIndex(JAVA_LONG, i, value.length);
        }
        return new NativeStatement(bytes(arena, sql), sql.length, bytes(arena, format), format.length,
                names, nameLengths, values, valueLengths, count);
    }

    /** Copies bytes with a trailing NUL, so that even a reader that ignores the length stops in bounds. */
    static MemorySegment bytes(Arena arena, byte[] bytes) {
        MemorySegment segment = arena.allocate(bytes.length + 1L);
        MemorySegment.copy(bytes, 0, segment, JAVA_BYTE, 0, bytes.length);
        return segment;
    }
}
