package vn.ioc.analytics.units;

import tools.jackson.databind.JsonNode;
import vn.ioc.analytics.catalogue.CatalogueException;
import vn.ioc.analytics.catalogue.CatalogueJson;
import vn.ioc.analytics.catalogue.LocalizedText;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The provinces and communes in the warehouse, with their peer groups: each commune is in the group of its kind
 * (xã, phường, đặc khu); provinces are in the groups of {@code analytics/peer-groups.json} and in the group of
 * their kind (thành phố, tỉnh). Also knows which communes took part of a pre-reform commune that was split.
 */
public final class UnitDirectory {
    public static final String PEER_GROUPS = "analytics/peer-groups.json";
    private static final Map<String, String> KIND_GROUPS = Map.of("Xã", "xa", "Phường", "phuong", "Đặc khu", "dac_khu",
            "Thành phố", "thanh_pho", "Tỉnh", "tinh");

    private final Map<String, Unit> provinces;
    private final Map<String, Unit> communes;
    private final Map<String, PeerGroup> groups;
    private final Set<String> splitReceivers;
    private final Set<String> provincesWithSplits;

    private UnitDirectory(Map<String, Unit> provinces, Map<String, Unit> communes, Map<String, PeerGroup> groups, Set<String> splitReceivers) {
        this.provinces = provinces;
        this.communes = communes;
        this.groups = groups;
        this.splitReceivers = splitReceivers;
        this.provincesWithSplits = splitReceivers.stream().map(communes::get).filter(Objects::nonNull).map(Unit::provinceCode)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Reads the units from the warehouse behind {@code connection}. */
    public static UnitDirectory read(Connection connection) throws SQLException {
        Map<String, PeerGroup> groups = new LinkedHashMap<>();
        Map<String, Set<String>> provinceTags = provinceGroups(groups);
        groups.put("thanh_pho", new PeerGroup("thanh_pho", UnitLevel.PROVINCE, new LocalizedText("Thành phố trực thuộc trung ương", "Centrally run cities")));
        groups.put("tinh", new PeerGroup("tinh", UnitLevel.PROVINCE, new LocalizedText("Tỉnh", "Provinces")));
        groups.put("phuong", new PeerGroup("phuong", UnitLevel.COMMUNE, new LocalizedText("Phường (đô thị)", "Urban wards")));
        groups.put("xa", new PeerGroup("xa", UnitLevel.COMMUNE, new LocalizedText("Xã (nông thôn)", "Rural communes")));
        groups.put("dac_khu", new PeerGroup("dac_khu", UnitLevel.COMMUNE, new LocalizedText("Đặc khu", "Special zones")));
        Map<String, Unit> provinces = new LinkedHashMap<>();
        Map<String, Unit> communes = new LinkedHashMap<>();
        Set<String> splitReceivers = new HashSet<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT code, name, name_en, unit_type FROM provinces ORDER BY code")) {
                while (rows.next()) {
                    String code = rows.getString(1);
                    Set<String> tags = new HashSet<>(provinceTags.getOrDefault(code, Set.of()));
                    tags.add(KIND_GROUPS.getOrDefault(rows.getString(4), "tinh"));
                    provinces.put(code, new Unit(UnitLevel.PROVINCE, code, rows.getString(2), rows.getString(3), rows.getString(4), code, tags));
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT code, name, name_en, unit_type, province_code FROM communes ORDER BY province_code, code")) {
                while (rows.next()) {
                    String kind = rows.getString(4);
                    Set<String> tags = KIND_GROUPS.containsKey(kind) ? Set.of(KIND_GROUPS.get(kind)) : Set.of();
                    communes.put(rows.getString(1), new Unit(UnitLevel.COMMUNE, rows.getString(1), rows.getString(2), rows.getString(3), kind,
                            rows.getString(5), tags));
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT DISTINCT new_code FROM commune_crosswalk WHERE old_code IN "
                    + "(SELECT old_code FROM commune_crosswalk WHERE new_code != '' GROUP BY old_code HAVING count() > 1)")) {
                while (rows.next()) {
                    splitReceivers.add(rows.getString(1));
                }
            }
        }
        if (provinces.isEmpty()) {
            throw new IllegalStateException("the warehouse has no provinces: run `ioc datasets load` first");
        }
        return new UnitDirectory(Map.copyOf(provinces), communes, Map.copyOf(groups), Set.copyOf(splitReceivers));
    }

    private static Map<String, Set<String>> provinceGroups(Map<String, PeerGroup> groups) {
        try (InputStream in = UnitDirectory.class.getClassLoader().getResourceAsStream(PEER_GROUPS)) {
            if (in == null) {
                throw new CatalogueException("the peer groups " + PEER_GROUPS + " are not on the class path");
            }
            JsonNode root = CatalogueJson.MAPPER.readTree(in);
            Map<String, Set<String>> tags = new HashMap<>();
            for (JsonNode group : root.path("provinceGroups")) {
                String id = group.path("id").asString();
                groups.put(id, new PeerGroup(id, UnitLevel.PROVINCE, new LocalizedText(group.path("name").path("vi").asString(),
                        group.path("name").path("en").asString())));
                for (JsonNode province : group.path("provinces")) {
                    tags.computeIfAbsent(province.asString(), code -> new HashSet<>()).add(id);
                }
            }
            return tags;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Unit province(String code) {
        Unit province = provinces.get(code);
        if (province == null) {
            throw new UnknownUnitException("no province with code '" + code + "'");
        }
        return province;
    }

    public Unit commune(String code) {
        Unit commune = communes.get(code);
        if (commune == null) {
            throw new UnknownUnitException("no commune with code '" + code + "'");
        }
        return commune;
    }

    /** The unit of a level with a code ({@code VN}, or anything, for the nation). */
    public Unit unit(UnitLevel level, String code) {
        return switch (level) {
            case NATION -> Unit.NATION;
            case PROVINCE -> province(code);
            case COMMUNE -> commune(code);
        };
    }

    public List<Unit> provinces() {
        return List.copyOf(provinces.values());
    }

    /** The communes of a province, or of the nation when {@code province} is the nation. */
    public List<Unit> communesOf(Unit parent) {
        if (parent.level() == UnitLevel.NATION) {
            return List.copyOf(communes.values());
        }
        List<Unit> inside = new ArrayList<>();
        for (Unit commune : communes.values()) {
            if (commune.provinceCode().equals(parent.code())) {
                inside.add(commune);
            }
        }
        return inside;
    }

    /** The unit a level's code names, or empty where the directory does not know it (facts of an unknown commune). */
    public Optional<Unit> find(UnitLevel level, String code) {
        return switch (level) {
            case NATION -> Optional.of(Unit.NATION);
            case PROVINCE -> Optional.ofNullable(provinces.get(code));
            case COMMUNE -> Optional.ofNullable(communes.get(code));
        };
    }

    public PeerGroup group(String id) {
        PeerGroup group = groups.get(id);
        if (group == null) {
            throw new UnknownUnitException("no peer group '" + id + "'");
        }
        return group;
    }

    public List<PeerGroup> groups(UnitLevel level) {
        return groups.values().stream().filter(group -> group.level() == level).sorted(Comparator.comparing(PeerGroup::id)).toList();
    }

    /** Whether a commune took over part of a pre-reform commune that was split between new ones. */
    public boolean receivedSplit(String communeCode) {
        return splitReceivers.contains(communeCode);
    }

    /** Whether a unit is, or holds, a commune that took over part of a split pre-reform commune. */
    public boolean holdsSplit(Unit unit) {
        return switch (unit.level()) {
            case NATION -> !splitReceivers.isEmpty();
            case PROVINCE -> provincesWithSplits.contains(unit.code());
            case COMMUNE -> splitReceivers.contains(unit.code());
        };
    }
}
