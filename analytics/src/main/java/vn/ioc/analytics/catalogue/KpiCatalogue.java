package vn.ioc.analytics.catalogue;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The indicators, as data: {@code analytics/kpis.json} in this module (or another file with the same shape),
 * read and checked once at start-up. A wrong entry stops the start with a message naming the KPI and the field.
 */
public final class KpiCatalogue {
    public static final String RESOURCE = "analytics/kpis.json";

    private final Map<String, Kpi> kpis;

    private KpiCatalogue(Map<String, Kpi> kpis) {
        this.kpis = kpis;
    }

    /** The product's catalogue. */
    public static KpiCatalogue standard() {
        try (InputStream in = KpiCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CatalogueException("the KPI catalogue " + RESOURCE + " is not on the class path");
            }
            return read(in, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static KpiCatalogue read(InputStream in, String name) {
        JsonNode root;
        try {
            root = CatalogueJson.MAPPER.readTree(in);
        } catch (JacksonException e) {
            throw new CatalogueException(name + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode entries = root.path("kpis");
        if (!entries.isArray() || entries.isEmpty()) {
            throw new CatalogueException(name + " has no \"kpis\" list");
        }
        Map<String, Kpi> kpis = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String label = entry.path("id").isString() ? "KPI '" + entry.path("id").asString() + "'" : "KPI #" + (i + 1);
            Kpi kpi;
            try {
                kpi = CatalogueJson.MAPPER.treeToValue(entry, Kpi.class);
            } catch (JacksonException e) {
                throw new CatalogueException(name + ": " + label + ": " + e.getOriginalMessage(), e);
            }
            new KpiCheck(kpi, label, name).run();
            if (kpis.putIfAbsent(kpi.id(), kpi) != null) {
                throw new CatalogueException(name + ": " + label + ": id is used twice");
            }
        }
        for (Kpi kpi : kpis.values()) {
            if (kpi.communeShare() != null && !kpis.containsKey(kpi.communeShare().kpi())) {
                throw new CatalogueException(name + ": KPI '" + kpi.id() + "': communeShare.kpi '" + kpi.communeShare().kpi()
                        + "' is not in the catalogue");
            }
        }
        return new KpiCatalogue(Map.copyOf(kpis));
    }

    public Kpi kpi(String id) {
        Kpi kpi = kpis.get(Objects.requireNonNull(id, "KPI id"));
        if (kpi == null) {
            throw new NoSuchElementException("no KPI '" + id + "' in the catalogue");
        }
        return kpi;
    }

    public boolean contains(String id) {
        return kpis.containsKey(id);
    }

    /** Every KPI, grouped by domain in catalogue order. */
    public List<Kpi> all() {
        List<Kpi> all = new ArrayList<>(kpis.values());
        all.sort(Comparator.comparing(Kpi::domain).thenComparing(Kpi::id));
        return all;
    }
}
