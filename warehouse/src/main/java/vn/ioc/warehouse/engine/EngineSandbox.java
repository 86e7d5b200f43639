package vn.ioc.warehouse.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the engine itself lets its connections do, written as the configuration it reads at start-up: the engine runs
 * as clickhouse-local, where the one user ({@code default}) may otherwise read and write any file, reach any host and
 * run programs. Here that user holds only the grants the product needs on tables (no {@code FILE}, {@code URL},
 * {@code REMOTE} or other source, no {@code SYSTEM}, dictionaries, functions, named collections, backups or
 * introspection): a table engine that reaches outside needs its source's grant too ({@code File}, {@code URL},
 * {@code Kafka}...); {@code user_files} and {@code user_scripts} are empty folders and no host is allowed for URLs; a
 * table keeps the default disk and storage policy (a {@code disk(type = web, ...)} in its settings would reach the
 * network). Nothing in the {@code system} database or the server's {@link #LOG_DATABASE} can be written, created or
 * dropped, but the query log by the server's own log writer, which alone holds the {@link #SYSTEM_LOG_ROLE} role. Its
 * settings profile caps the time, memory and result size of every query at a reader's limits, and a connection cannot
 * raise or lift them ({@code SET}, {@code SETTINGS} or URL parameters alike): the engine refuses with
 * SETTING_CONSTRAINT_VIOLATION. Writer connections are started with larger defaults (start-up arguments are not held to
 * the constraints), which they can lower but not raise. The engine checks all of this on the statement it has parsed
 * and analysed, so quoting, case, comments, views and CTEs do not get around it.
 *
 * @param cap a reader's limits: the profile's defaults, and the most any query may ask for
 */
public record EngineSandbox(QueryLimits cap) {
    /** Privileges on tables: what migrations, ingest, the KPI store and dashboards use. */
    static final String TABLE_GRANTS = "SHOW, SELECT, INSERT, ALTER, CREATE DATABASE, CREATE TABLE, CREATE VIEW, CREATE TEMPORARY TABLE, "
            + "DROP DATABASE, DROP TABLE, DROP VIEW, TRUNCATE, OPTIMIZE";

    /** Every privilege that writes, creates or drops: none of them on {@code system} or {@link #LOG_DATABASE}. */
    private static final String WRITES = "INSERT, ALTER, CREATE TABLE, CREATE VIEW, DROP DATABASE, DROP TABLE, DROP VIEW, TRUNCATE, OPTIMIZE";
    /**
     * Where the server keeps its query log ({@code query_log}), shown as the view {@code system.query_log}: the engine's
     * {@code system} database is rebuilt in memory at every start, so a table there would not outlive a restart.
     */
    public static final String LOG_DATABASE = "ioc_system";
    /**
     * The only way to write the query log (and its view in {@code system}): the server's log writer takes this role on its
     * own connection ({@link Engine#openSystemLogWriter()}); every other write connection drops it when opened.
     */
    public static final String SYSTEM_LOG_ROLE = "ioc_system_log";
    /** Which queries a connection sees in {@code system.processes} and {@code system.query_log}: a writer's all, a reader's its own account's. */
    static final String OWN_QUERIES = "getSetting('readonly') = 0 OR Settings['readonly'] = '2'";

    public EngineSandbox {
        if (cap.maxResultBytes() < 1) {
            throw new IllegalArgumentException("the cap on results must be a number of bytes: 0 (no limit) is not a cap");
        }
    }

    /**
     * Writes the configuration into the storage ({@code <storage>/sandbox/}) and returns the engine arguments that load
     * it. Written anew at every start, so that a changed policy takes effect.
     */
    List<String> arguments(Path storage) {
        Path folder = storage.resolve("sandbox");
        try {
            Path files = Files.createDirectories(folder.resolve("user_files"));
            Path scripts = Files.createDirectories(folder.resolve("user_scripts"));
            Path disks = Files.createDirectories(folder.resolve("disks"));
            Path users = folder.resolve("users.xml");
            Files.writeString(users, users(), StandardCharsets.UTF_8);
            Path config = folder.resolve("config.xml");
            Files.writeString(config, """
                    <clickhouse>
                        <user_files_path>%s/</user_files_path>
                        <user_scripts_path>%s/</user_scripts_path>
                        <custom_local_disks_base_directory>%s/</custom_local_disks_base_directory>
                        <users_config>%s</users_config>
                        <remote_url_allow_hosts><host>invalid.invalid</host></remote_url_allow_hosts>
                    </clickhouse>
                    """.formatted(xml(files), xml(scripts), xml(disks), xml(users)), StandardCharsets.UTF_8);
            return List.of("--config-file=" + config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the engine's configuration into " + folder + ": " + e.getMessage(), e);
        }
    }

    /** A path as XML text: a data folder may be named with {@code &} or {@code <}. */
    private static String xml(Path path) {
        return path.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private String users() {
        long seconds = cap.maxExecutionTime().toSeconds();
        return """
                <clickhouse>
                    <users>
                        <default>
                            <password></password>
                            <profile>default</profile>
                            <quota>default</quota>
                            <grants>
                                <query>GRANT %s ON *.*</query>
                                <query>REVOKE %s ON system.*</query>
                                <query>REVOKE %s ON %s.*</query>
                                <query>GRANT %s</query>
                            </grants>
                            <!-- The one engine user serves both accounts: a read-only connection (started readonly=2,
                                 which it cannot change) sees only the queries of read-only connections, running or logged
                                 (the server's query log marks a reader's queries readonly=2, as they ran). -->
                            <databases>
                                <system>
                                    <processes>
                                        <filter>%s</filter>
                                    </processes>
                                </system>
                                <%s>
                                    <query_log>
                                        <filter>%s</filter>
                                    </query_log>
                                </%s>
                            </databases>
                        </default>
                    </users>
                    <roles>
                        <%s>
                            <grants>
                                <query>GRANT CREATE TABLE, INSERT ON %s.query_log</query>
                                <query>GRANT CREATE VIEW, DROP VIEW ON system.query_log</query>
                            </grants>
                        </%s>
                    </roles>
                    <profiles>
                        <default>
                            <max_execution_time>%d</max_execution_time>
                            <max_memory_usage>%d</max_memory_usage>
                            <max_result_bytes>%d</max_result_bytes>
                            <!-- The column statistics every part keeps (auto_statistics_types) are loaded by each query, part
                                 by part, to order its PREWHERE: 1.6 ms of a 7-ms point read on a table of 38 parts, nothing
                                 gained on the scans. -->
                            <use_statistics>0</use_statistics>
                            <constraints>
                                <max_execution_time><min>1</min><max>%d</max></max_execution_time>
                                <max_memory_usage><min>1</min><max>%d</max></max_memory_usage>
                                <max_result_bytes><min>1</min><max>%d</max></max_result_bytes>
                                <merge_tree_disk><const/></merge_tree_disk>
                                <merge_tree_storage_policy><const/></merge_tree_storage_policy>
                            </constraints>
                        </default>
                    </profiles>
                    <quotas><default/></quotas>
                </clickhouse>
                """.formatted(TABLE_GRANTS, WRITES, WRITES, LOG_DATABASE, SYSTEM_LOG_ROLE, OWN_QUERIES, LOG_DATABASE, OWN_QUERIES, LOG_DATABASE,
                SYSTEM_LOG_ROLE, LOG_DATABASE, SYSTEM_LOG_ROLE, seconds, cap.maxMemoryBytes(), cap.maxResultBytes(), seconds, cap.maxMemoryBytes(), cap.maxResultBytes());
    }
}
