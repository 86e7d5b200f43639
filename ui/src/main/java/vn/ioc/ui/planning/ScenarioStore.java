package vn.ioc.ui.planning;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import vn.ioc.warehouse.files.FileTrees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The planners' saved scenarios, shared by all planners: one JSON file each in a folder ({@code ioc.scenarios},
 * {@code var/scenarios} by default), written whole or not at all; saving under a name already used replaces it.
 */
@Component
public final class ScenarioStore {
    private static final Logger LOG = LoggerFactory.getLogger(ScenarioStore.class);
    private final Path folder;
    private final JsonMapper json = JsonMapper.builder().build();

    public ScenarioStore(@Value("${ioc.scenarios:var/scenarios}") Path folder) {
        this.folder = folder;
    }

    public void save(DoseScenario scenario) {
        try {
            FileTrees.writeWhole(file(scenario.name()), out -> out.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(scenario)));
        } catch (IOException e) {
            throw new UncheckedIOException("scenario '" + scenario.name() + "' could not be saved in " + folder.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** Every saved scenario, the latest first; a file that cannot be read is skipped and named in the log. */
    public List<DoseScenario> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<DoseScenario> scenarios = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(path -> path.getFileName().toString().matches("[0-9a-f]{16}\\.json")).toList()) {
                read(file).ifPresent(scenarios::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("saved scenarios could not be listed in " + folder.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        scenarios.sort(Comparator.comparing(DoseScenario::savedAt).reversed());
        return scenarios;
    }

    public Optional<DoseScenario> find(String name) {
        Path file = file(DoseScenario.normalName(name));
        return Files.isRegularFile(file) ? read(file) : Optional.empty();
    }

    private Optional<DoseScenario> read(Path file) {
        try {
            return Optional.of(json.readValue(Files.readString(file, StandardCharsets.UTF_8), DoseScenario.class));
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            LOG.warn("saved scenario {} could not be read: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** A scenario's file: named by a digest of its (NFC) name, so that any name makes a safe file name. */
    private Path file(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(digest, 0, 8) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
