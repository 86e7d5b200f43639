package vn.ioc.ui.alerts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.ioc.warehouse.files.FileTrees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The alert rules and their firings, kept in two JSON files of a folder ({@code ioc.alerts.folder}, {@code var/alerts}
 * by default), each written whole or not at all; the newest {@value #FIRINGS_KEPT} firings are kept. A rule fires
 * once for a unit and month, whatever happens after. {@link #version()} changes with every change, for the walls.
 */
@Component
public final class AlertStore {
    static final int FIRINGS_KEPT = 10_000;

    private final JsonMapper json = JsonMapper.builder().build();
    private final Path folder;
    private final List<AlertRule> rules;
    private final List<AlertFiring> firings;
    private long version;

    public AlertStore(@Value("${ioc.alerts.folder:var/alerts}") Path folder) {
        this.folder = folder;
        this.rules = new ArrayList<>(read("rules.json", new TypeReference<List<AlertRule>>() { }));
        this.firings = new ArrayList<>(read("firings.json", new TypeReference<List<AlertFiring>>() { }));
    }

    public synchronized List<AlertRule> rules() {
        return List.copyOf(rules);
    }

    public synchronized Optional<AlertRule> rule(String id) {
        return rules.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }

    public synchronized void add(AlertRule rule) {
        rules.add(rule);
        write("rules.json", rules);
    }

    public synchronized void remove(String id) {
        if (rules.removeIf(rule -> rule.id().equals(id))) {
            write("rules.json", rules);
        }
    }

    /** Every firing, the newest first (they are kept oldest first). */
    public synchronized List<AlertFiring> firings() {
        return List.copyOf(firings).reversed();
    }

    /** Stores the firings not already stored for their rule, unit and month; returns those stored. */
    public synchronized List<AlertFiring> fire(List<AlertFiring> candidates) {
        Set<String> fired = new HashSet<>(firings.stream().map(AlertFiring::key).toList());
        List<AlertFiring> stored = candidates.stream().filter(firing -> fired.add(firing.key())).toList();
        if (!stored.isEmpty()) {
            firings.addAll(stored);
            firings.sort(Comparator.comparing(AlertFiring::firedAt));
            if (firings.size() > FIRINGS_KEPT) {
                firings.subList(0, firings.size() - FIRINGS_KEPT).clear();
            }
            write("firings.json", firings);
        }
        return stored;
    }

    /** Replaces a firing by what {@code change} makes of it; empty when there is no such firing. */
    public synchronized Optional<AlertFiring> update(String id, UnaryOperator<AlertFiring> change) {
        update(Set.of(id), change);
        return firings.stream().filter(firing -> firing.id().equals(id)).findFirst();
    }

    /** Replaces each of these firings by what {@code change} makes of it, in one write. */
    public synchronized void update(Set<String> ids, UnaryOperator<AlertFiring> change) {
        boolean changed = false;
        for (int i = 0; i < firings.size(); i++) {
            if (ids.contains(firings.get(i).id())) {
                firings.set(i, change.apply(firings.get(i)));
                changed = true;
            }
        }
        if (changed) {
            write("firings.json", firings);
        }
    }

    /** Changes with every rule or firing stored, acknowledged or mailed. */
    public synchronized long version() {
        return version;
    }

    private <T> List<T> read(String name, TypeReference<List<T>> type) {
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return json.readValue(Files.readString(file, StandardCharsets.UTF_8), type);
        } catch (IOException | JacksonException e) {
            throw new IllegalStateException("the alerts file " + file.toAbsolutePath() + " cannot be read: " + e.getMessage()
                    + " (move it aside to start without it)", e);
        }
    }

    private void write(String name, List<?> items) {
        version++;
        try {
            FileTrees.writeWhole(folder.resolve(name), out -> out.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(items)));
        } catch (IOException e) {
            throw new UncheckedIOException("the alerts could not be saved in " + folder.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
