package vn.ioc.ingest.live;


import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * What the live feed has sent, kept in a file so that a restarted feed neither loses nor repeats events: the position
 * in its source up to which every event is in a sent batch, and the batches not yet confirmed (by their Druid task
 * ids). Written whole to a temporary file and moved into place.
 *
 * @param feed     this feed's id, part of every task id
 * @param position the source position the next batch starts at
 * @param pending  batches sent and not yet confirmed
 */
public record FeedCheckpoint(String feed, long position, List<SentBatch> pending) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A batch of the source's events {@code [from, to)}, sent as task {@code task} (a resend after a failure gets a new one). */
    public record SentBatch(String task, long from, long to, int attempt) {
    }

    public FeedCheckpoint {
        requireNonNull(feed, "feed");
        pending = List.copyOf(pending);
    }

    public static FeedCheckpoint fresh() {
        return new FeedCheckpoint(UUID.randomUUID().toString().substring(0, 8), 0, List.of());
    }

    /** The checkpoint in {@code file}, or a fresh one where there is none. */
    public static FeedCheckpoint load(Path file) {
        if (!Files.exists(file)) {
            return fresh();
        }
        try {
            JsonNode json = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            List<SentBatch> pending = new ArrayList<>();
            for (JsonNode batch : json.path("pending")) {
                pending.add(new SentBatch(batch.path("task").asString(), batch.path("from").asLong(), batch.path("to").asLong(),
                        batch.path("attempt").asInt()));
            }
            return new FeedCheckpoint(json.path("feed").asString(), json.path("position").asLong(), pending);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the live feed's checkpoint " + file + ": " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new IllegalStateException("the live feed's checkpoint " + file + " is not valid JSON (" + e.getOriginalMessage()
                    + "); remove it to start the feed from the beginning", e);
        }
    }

    public void save(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.writeString(partial, JSON.writeValueAsString(Map.of("feed", feed, "position", position, "pending", pending)),
                    StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the live feed's checkpoint " + file + ": " + e.getMessage(), e);
        }
    }
}
