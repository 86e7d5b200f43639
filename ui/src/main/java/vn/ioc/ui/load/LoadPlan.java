package vn.ioc.ui.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@link DashboardLoad} runs: against which dashboard, as whom, how many sessions arriving evenly over
 * {@code rampUp}, each on for {@code seconds} from its first view, the think time between views and the views (locations
 * such as {@code /rankings?kpi=...}), and where its figures go. Views are measured apart while the sessions arrive, see
 * {@link GatlingRun.Result}. Passed to the Gatling JVM as system properties ({@code ioc.load.*}).
 */
public record LoadPlan(String baseUrl, String user, String password, int sessions, double thinkSeconds, int seconds, List<String> locations,
                       Path results, Walls walls, Duration rampUp) {
    private static final String PREFIX = "ioc.load.";

    /**
     * Wall screens connected throughout beside the sessions: {@code count} of them, signed in as a wall device and showing
     * the wall at {@code location}, which the server updates by push.
     */
    public record Walls(int count, String user, String password, String location) {
        public static final Walls NONE = new Walls(0, "", "", "");
    }

    public LoadPlan {
        locations = List.copyOf(locations);
        if (sessions < 1 || seconds < 1 || thinkSeconds < 0 || locations.isEmpty() || walls.count() < 0 || rampUp.toSeconds() < 1) {
            throw new IllegalArgumentException("a load needs at least one session, one second and one view, a think time of 0 s or more "
                    + "and a second or more for the sessions to arrive");
        }
    }

    /** How long a run of {@code seconds} gives its sessions to arrive: a quarter of it, at most a minute (people do not all sign in in the same second). */
    public static Duration rampUpFor(int seconds) {
        return Duration.ofSeconds(Math.max(1, Math.min(60, seconds / 4)));
    }

    /** The plan as the Gatling JVM's system properties ({@code -Dioc.load.*=...}). */
    public List<String> asJvmOptions() {
        Map<String, String> values = Map.ofEntries(Map.entry("url", baseUrl), Map.entry("user", user), Map.entry("password", password),
                Map.entry("sessions", Integer.toString(sessions)), Map.entry("think", Double.toString(thinkSeconds)),
                Map.entry("seconds", Integer.toString(seconds)), Map.entry("locations", String.join(" ", locations)),
                Map.entry("results", results.toString()), Map.entry("walls", Integer.toString(walls.count())), Map.entry("wall.user", walls.user()),
                Map.entry("wall.password", walls.password()), Map.entry("wall.location", walls.location()),
                Map.entry("ramp-up", Long.toString(rampUp.toSeconds())));
        List<String> options = new ArrayList<>();
        values.forEach((key, value) -> options.add("-D" + PREFIX + key + "=" + value));
        return options;
    }

    static LoadPlan fromSystemProperties() {
        return new LoadPlan(property("url"), property("user"), property("password"), Integer.parseInt(property("sessions")),
                Double.parseDouble(property("think")), Integer.parseInt(property("seconds")), List.of(property("locations").split(" ")),
                Path.of(property("results")), new Walls(Integer.parseInt(property("walls")), property("wall.user"), property("wall.password"),
                property("wall.location")), Duration.ofSeconds(Long.parseLong(property("ramp-up"))));
    }

    private static String property(String key) {
        String value = System.getProperty(PREFIX + key);
        if (value == null) {
            throw new IllegalStateException("no " + PREFIX + key + ": the load runs from `ioc bench load`");
        }
        return value;
    }
}
