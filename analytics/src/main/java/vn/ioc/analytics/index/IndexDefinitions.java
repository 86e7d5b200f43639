package vn.ioc.analytics.index;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import vn.ioc.analytics.catalogue.CatalogueException;
import vn.ioc.analytics.catalogue.CatalogueJson;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.catalogue.KpiCatalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The composite indices, as data ({@code analytics/indices.json}: a 766-style index and the IOC index), checked
 * against the KPI catalogue at start-up; an error names the index and the field.
 */
public final class IndexDefinitions {
    public static final String RESOURCE = "analytics/indices.json";

    private final Map<String, IndexDefinition> indices;

    private IndexDefinitions(Map<String, IndexDefinition> indices) {
        this.indices = indices;
    }

    public static IndexDefinitions standard(KpiCatalogue catalogue) {
        try (InputStream in = IndexDefinitions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CatalogueException("the index definitions " + RESOURCE + " are not on the class path");
            }
            return read(in, RESOURCE, catalogue);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static IndexDefinitions read(InputStream in, String name, KpiCatalogue catalogue) {
        Map<String, IndexDefinition> indices = new LinkedHashMap<>();
        try {
            JsonNode entries = CatalogueJson.MAPPER.readTree(in).path("indices");
            if (!entries.isArray() || entries.isEmpty()) {
                throw new CatalogueException(name + " has no \"indices\" list");
            }
            for (JsonNode entry : entries) {
                String label = name + ": index '" + entry.path("id").asString("?") + "'";
                IndexDefinition index;
                try {
                    index = CatalogueJson.MAPPER.treeToValue(entry, IndexDefinition.class);
                } catch (JacksonException e) {
                    throw new CatalogueException(label + ": " + e.getOriginalMessage(), e);
                }
                check(index, label, catalogue);
                indices.put(index.id(), index);
            }
        } catch (JacksonException e) {
            throw new CatalogueException(name + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        return new IndexDefinitions(Map.copyOf(indices));
    }

    /** Checks a definition (from the file, or built by a user) against the catalogue. */
    public static void check(IndexDefinition index, String label, KpiCatalogue catalogue) {
        require(index.id() != null && !index.id().isBlank(), label, "id is missing");
        require(index.name() != null && index.name().vi() != null && index.name().en() != null, label, "name needs both vi and en");
        require(index.normalisation() != null, label, "normalisation is missing (target_ratio, min_max or z_score)");
        require(index.scale() > 0, label, "scale is missing or not positive");
        require(!index.groups().isEmpty(), label, "groups is empty");
        for (IndexDefinition.Group group : index.groups()) {
            String where = "group '" + group.id() + "'";
            require(group.weight() > 0, label, where + ": weight is missing or not positive");
            require(!group.components().isEmpty(), label, where + ": components is empty");
            for (IndexDefinition.Component component : group.components()) {
                require(component.kpi() != null && catalogue.contains(component.kpi()), label,
                        where + ": kpi '" + component.kpi() + "' is not in the catalogue");
                require(component.weight() > 0, label, where + ": kpi '" + component.kpi() + "': weight is missing or not positive");
                Kpi kpi = catalogue.kpi(component.kpi());
                require(index.normalisation() != Normalisation.TARGET_RATIO || !kpi.targets().isEmpty() || kpi.thresholds() != null, label,
                        where + ": kpi '" + component.kpi() + "' has neither targets nor thresholds to take a target ratio of");
            }
        }
    }

    private static void require(boolean condition, String label, String problem) {
        if (!condition) {
            throw new CatalogueException(label + ": " + problem);
        }
    }

    public IndexDefinition index(String id) {
        IndexDefinition index = indices.get(id);
        if (index == null) {
            throw new NoSuchElementException("no index '" + id + "'");
        }
        return index;
    }

    public List<IndexDefinition> all() {
        return List.copyOf(indices.values());
    }
}
