package vn.ioc.ui.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@link DashboardLoad} runs: against which dashboard, as whom, how many sessions for how long, the think time
 * between views and the views (locations such as {@code /rankings?kpi=...}), and where its figures go. Passed to the
 * Gatling JVM as system properties ({@code ioc.load.*}).
 */
public record LoadPlan(String baseUrl, String user, String password, int sessions, double thinkSeconds, int seconds, List<String> locations,
                       Path results) {
    private static final String PREFIX = "ioc.load.";

    public LoadPlan {
        locations = List.copyOf(locations);
        if (sessions < 1 || seconds < 1 || thinkSeconds < 0 || locations.isEmpty()) {
            throw new IllegalArgumentException("a load needs at least one session, one second and one view, and a think time of 0 s or more");
        }
    }

    /** The plan as the Gatling JVM's system properties ({@code -Dioc.load.*=...}). */
    public List<String> asJvmOptions() {
        List<String> options = new ArrayList<>();
        Map.of("url", baseUrl, "user", user, "password", password, "sessions", Integer.toString(sessions), "think", Double.toString(thinkSeconds),
                        "seconds", Integer.toString(seconds), "locations", String.join(" ", locations), "results", results.toString())
                .forEach((key, value) -> options.add("-D" + PREFIX + key + "=" + value));
        return options;
    }

    static LoadPlan fromSystemProperties() {
        return new LoadPlan(property("url"), property("user"), property("password"), Integer.parseInt(property("sessions")),
                Double.parseDouble(property("think")), Integer.parseInt(property("seconds")), List.of(property("locations").split(" ")),
                Path.of(property("results")));
    }

    private static String property(String key) {
        String value = System.getProperty(PREFIX + key);
        if (value == null) {
            throw new IllegalStateException("no " + PREFIX + key + ": the load runs from `ioc bench load`");
        }
        return value;
    }
}
