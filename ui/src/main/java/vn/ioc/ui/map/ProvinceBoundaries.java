package vn.ioc.ui.map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Province outlines from a GeoJSON file (features with a {@code code} property, Polygon or MultiPolygon), projected
 * once into SVG path data of a fixed width; points closer than a pixel to the last kept one are dropped.
 */
public final class ProvinceBoundaries {
    static final int WIDTH = 420;
    private final Map<String, String> paths;
    private final int height;

    private ProvinceBoundaries(Map<String, String> paths, int height) {
        this.paths = Map.copyOf(paths);
        this.height = height;
    }

    public static Optional<ProvinceBoundaries> read(Optional<Path> file) {
        return file.map(ProvinceBoundaries::read);
    }

    static ProvinceBoundaries read(Path file) {
        JsonNode root;
        try {
            root = JsonMapper.shared().readTree(Files.readString(file));
        } catch (Exception e) {
            throw new IllegalArgumentException("the boundary file " + file + " cannot be read as GeoJSON: " + e.getMessage(), e);
        }
        Map<String, List<List<double[]>>> rings = new LinkedHashMap<>();
        double minLon = Double.MAX_VALUE, maxLon = -Double.MAX_VALUE, minLat = Double.MAX_VALUE, maxLat = -Double.MAX_VALUE;
        int index = 0;
        for (JsonNode feature : root.path("features")) {
            index++;
            String code = feature.path("properties").path("code").asString("");
            if (!code.matches("\\d{2}")) {
                throw new IllegalArgumentException("the boundary file " + file + ", feature " + index + ": no 2-digit province 'code' property");
            }
            JsonNode geometry = feature.path("geometry");
            List<JsonNode> polygons = new ArrayList<>();
            switch (geometry.path("type").asString("")) {
                case "Polygon" -> polygons.add(geometry.path("coordinates"));
                case "MultiPolygon" -> geometry.path("coordinates").forEach(polygons::add);
                default -> throw new IllegalArgumentException("the boundary file " + file + ", feature " + index + " (" + code
                        + "): geometry must be Polygon or MultiPolygon");
            }
            for (JsonNode polygon : polygons) {
                for (JsonNode ring : polygon) {
                    List<double[]> points = new ArrayList<>();
                    for (JsonNode point : ring) {
                        double lon = point.get(0).asDouble();
                        double lat = point.get(1).asDouble();
                        points.add(new double[] {lon, lat});
                        minLon = Math.min(minLon, lon);
                        maxLon = Math.max(maxLon, lon);
                        minLat = Math.min(minLat, lat);
                        maxLat = Math.max(maxLat, lat);
                    }
                    rings.computeIfAbsent(code, c -> new ArrayList<>()).add(points);
                }
            }
        }
        if (rings.isEmpty()) {
            throw new IllegalArgumentException("the boundary file " + file + " has no features");
        }
        double xScale = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double scale = WIDTH / ((maxLon - minLon) * xScale);
        int height = (int) Math.ceil((maxLat - minLat) * scale);
        Map<String, String> paths = new LinkedHashMap<>();
        for (Map.Entry<String, List<List<double[]>>> province : rings.entrySet()) {
            StringBuilder path = new StringBuilder();
            for (List<double[]> ring : province.getValue()) {
                double lastX = Double.NaN, lastY = Double.NaN;
                int kept = 0;
                StringBuilder part = new StringBuilder();
                for (double[] point : ring) {
                    double x = (point[0] - minLon) * xScale * scale;
                    double y = (maxLat - point[1]) * scale;
                    if (kept > 0 && Math.hypot(x - lastX, y - lastY) < 1.0) {
                        continue;
                    }
                    part.append(kept == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                    lastX = x;
                    lastY = y;
                    kept++;
                }
                if (kept >= 3) {
                    path.append(part).append('Z');
                }
            }
            paths.put(province.getKey(), path.toString());
        }
        return new ProvinceBoundaries(paths, height);
    }

    Map<String, String> paths() {
        return paths;
    }

    int height() {
        return height;
    }
}
