package vn.ioc.warehouse.engine;

import java.nio.charset.StandardCharsets;

/** A whole result, held in memory: for statements and small answers; large ones are streamed. */
public record QueryResult(byte[] data, QueryStatistics statistics) {
    public String text() {
        return new String(data, StandardCharsets.UTF_8);
    }
}
