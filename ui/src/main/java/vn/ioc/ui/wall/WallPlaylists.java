package vn.ioc.ui.wall;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The wall playlists, from a JSON file ({@code ioc.walls}) read at start-up, or the built-in one ({@code tong-quan}:
 * the board, a ranking, the map, a trend, the units furthest behind their target and the alerts of the device's unit,
 * 20 seconds each). The file:
 * <pre>{"playlists": [{"id": "ha-noi", "title": "Hà Nội", "unit": "01", "seconds": 15,
 *                    "slides": ["board", "ranking:population.verified_rate", "map", "trend:services.online_rate", "alerts"]}]}</pre>
 */
@Component
public final class WallPlaylists {
    public static final Playlist BUILT_IN = new Playlist("tong-quan", "", Optional.empty(), 20,
            List.of(Playlist.Slide.parse("board"), Playlist.Slide.parse("ranking"), Playlist.Slide.parse("map"), Playlist.Slide.parse("trend"),
                    Playlist.Slide.parse("slipping"), Playlist.Slide.parse("alerts")));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Playlist> playlists;

    @Autowired
    public WallPlaylists(@Value("${ioc.walls:}") String file) {
        this(file.isBlank() ? List.of(BUILT_IN) : read(Path.of(file)));
    }

    WallPlaylists(List<Playlist> playlists) {
        Map<String, Playlist> byId = new LinkedHashMap<>();
        playlists.forEach(playlist -> byId.put(playlist.id(), playlist));
        this.playlists = Map.copyOf(byId);
    }

    public Optional<Playlist> find(String id) {
        return Optional.ofNullable(playlists.get(id));
    }

    public List<Playlist> all() {
        return playlists.values().stream().sorted(Comparator.comparing(Playlist::id)).toList();
    }

    /** Reads a playlists file; any mistake is an error naming the file, the playlist and the field. */
    public static List<Playlist> read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), "wall playlists " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("wall playlists " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    static List<Playlist> parse(String json, String where) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(where + ": not JSON: " + e.getOriginalMessage());
        }
        JsonNode list = root.path("playlists");
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException(where + ": expected {\"playlists\": [ ... ]} with at least one playlist");
        }
        List<Playlist> playlists = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String at = where + ", playlist " + (i + 1);
            String id = text(node, "id", at).orElseThrow(() -> new IllegalArgumentException(at + ": no \"id\""));
            if (ids.contains(id)) {
                throw new IllegalArgumentException(at + ": the id '" + id + "' is used twice");
            }
            ids.add(id);
            JsonNode slides = node.path("slides");
            if (!slides.isArray()) {
                throw new IllegalArgumentException(at + " ('" + id + "'): \"slides\" must be a list such as [\"board\", \"map:vaccination.covid_booster\"]");
            }
            List<Playlist.Slide> parsed = new ArrayList<>();
            for (JsonNode slide : slides) {
                try {
                    parsed.add(Playlist.Slide.parse(slide.asString()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(at + " ('" + id + "'): " + e.getMessage());
                }
            }
            JsonNode seconds = node.path("seconds");
            if (!seconds.isMissingNode() && !seconds.isInt()) {
                throw new IllegalArgumentException(at + " ('" + id + "'): \"seconds\" must be a whole number");
            }
            try {
                playlists.add(new Playlist(id, text(node, "title", at).orElse(""), text(node, "unit", at), seconds.isMissingNode() ? 20 : seconds.asInt(), parsed));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }
        return playlists;
    }

    private static Optional<String> text(JsonNode node, String field, String at) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw new IllegalArgumentException(at + ": \"" + field + "\" must be text");
        }
        return Optional.of(value.asString()).filter(Predicate.not(String::isBlank));
    }
}
