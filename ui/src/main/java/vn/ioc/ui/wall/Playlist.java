package vn.ioc.ui.wall;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a wall screen shows in turn: slides, each {@code seconds} long, about a unit (a province, or the nation); without
 * a unit, the unit of the device showing it (its province, or the nation).
 */
public record Playlist(String id, String title, Optional<String> unit, int seconds, List<Slide> slides) {
    public static final int SHORTEST = 3;

    public Playlist {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unit, "unit");
        slides = List.copyOf(slides);
        if (!id.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("playlist '" + id + "': an id is lower-case letters, digits and dashes (it is part of the wall's URL)");
        }
        if (seconds < SHORTEST) {
            throw new IllegalArgumentException("playlist '" + id + "': a slide shows for at least " + SHORTEST + " seconds, not " + seconds);
        }
        if (slides.isEmpty()) {
            throw new IllegalArgumentException("playlist '" + id + "' has no slides");
        }
    }

    /** A slide: what kind, and of which indicator (the unit's key indicator when none is given). */
    public record Slide(Kind kind, Optional<String> kpi) {
        public enum Kind { BOARD, RANKING, MAP, TREND, SLIPPING, ALERTS, LIVE }

        /** {@code kind} or {@code kind:kpi}, as playlists are written: {@code board}, {@code ranking:population.verified_rate}. */
        public static Slide parse(String text) {
            String[] parts = text.strip().split(":", 2);
            Kind kind;
            try {
                kind = Kind.valueOf(parts[0].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown slide '" + text + "': board, ranking[:kpi], map[:kpi], trend[:kpi], slipping[:kpi], alerts or live");
            }
            return new Slide(kind, parts.length > 1 && !parts[1].isBlank() ? Optional.of(parts[1].strip()) : Optional.empty());
        }

        @Override
        public String toString() {
            return kind.name().toLowerCase(Locale.ROOT) + kpi.map(id -> ":" + id).orElse("");
        }
    }
}
