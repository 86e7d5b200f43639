package vn.ioc.analytics.cli;

import tools.jackson.databind.json.JsonMapper;
import vn.ioc.analytics.comparison.PostgresCluster;
import vn.ioc.analytics.comparison.PostgresComparison;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.cli.ChildJvm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * The client of {@code ioc bench postgres}'s timed part, in a JVM of its own on a core the servers do not use: it signs
 * in to the warehouse as the dashboard's reader and to PostgreSQL (from the environment {@link #run} gives it, never
 * the command line), times the query set on both in turn and prints the comparison.
 */
public final class PostgresBenchmarkClient {
    private static final String POSTGRES = "IOC_BENCH_POSTGRES_";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PostgresBenchmarkClient() {
    }

    /**
     * Runs the client on {@code core} alone, in a JVM started as this one was ({@link ChildJvm}), and returns what it
     * measured (the facts' copy left out: the client does not make it).
     */
    static PostgresComparison.Outcome run(int core, WarehouseConnection reader, PostgresCluster postgres, int runs, Duration warmUp) throws Exception {
        Path measured = Files.createTempFile("ioc-bench-postgres-", ".json");
        Map<String, String> environment = new HashMap<>(Map.of("IOC_WAREHOUSE_URL", reader.url(), "IOC_WAREHOUSE_USER", reader.user(),
                "IOC_WAREHOUSE_PASSWORD", reader.password()));
        postgres.signIn().forEach((name, value) -> environment.put(POSTGRES + name.toUpperCase(Locale.ROOT), value));
        try {
            ChildJvm.run(PostgresBenchmarkClient.class, List.of(Integer.toString(runs), Long.toString(warmUp.toSeconds()), measured.toString()),
                    environment, OptionalInt.of(core));
            return fromJson(Files.readString(measured));
        } finally {
            Files.deleteIfExists(measured);
        }
    }

    public static void main(String[] args) throws SQLException, IOException {
        int runs = Integer.parseInt(args[0]);
        Duration warmUp = Duration.ofSeconds(Long.parseLong(args[1]));
        Properties postgresUser = new Properties();
        postgresUser.setProperty("user", System.getenv(POSTGRES + "USER"));
        postgresUser.setProperty("password", System.getenv(POSTGRES + "PASSWORD"));
        try (Connection clickHouse = WarehouseConnection.fromEnvironment().open();
             Connection postgres = DriverManager.getConnection(System.getenv(POSTGRES + "URL"), postgresUser)) {
            PostgresComparison.Outcome outcome = PostgresBenchmark.time(clickHouse, postgres, List.of(), runs, warmUp, System.out);
            Files.writeString(Path.of(args[2]), toJson(outcome));
        }
    }

    /** What the client measured, as it hands it to the benchmark's JVM. */
    static String toJson(PostgresComparison.Outcome outcome) {
        return JSON.writeValueAsString(outcome);
    }

    static PostgresComparison.Outcome fromJson(String json) {
        return JSON.readValue(json, PostgresComparison.Outcome.class);
    }
}
