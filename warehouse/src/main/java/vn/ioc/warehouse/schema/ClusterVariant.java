package vn.ioc.warehouse.schema;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a single-server statement for a ClickHouse cluster: each {@code *MergeTree} table becomes a
 * replicated local table on every node ({@code <name>_local}, {@code ON CLUSTER},
 * {@code Replicated*MergeTree} with the usual {@code {shard}}/{@code {replica}} macros) plus a
 * {@code Distributed} table under the original name, so that queries stay unchanged. {@code DROP TABLE} drops
 * both; {@code ALTER TABLE} applies to the local tables, and a change of columns to the distributed ones too, whose
 * columns must match.
 */
final class ClusterVariant {
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "CREATE TABLE (IF NOT EXISTS )?(\\w+)\\s*(\\(.*\\))\\s*ENGINE\\s*=\\s*(\\w*MergeTree)(?:\\((.*?)\\))?(\\s.*)?",
            Pattern.DOTALL);
    private static final Pattern CREATE_DATABASE = Pattern.compile("CREATE DATABASE (IF NOT EXISTS )?(\\w+)(.*)", Pattern.DOTALL);
    private static final Pattern DROP_TABLE = Pattern.compile("DROP TABLE (IF EXISTS )?(\\w+)");
    private static final Pattern ALTER_TABLE = Pattern.compile("ALTER TABLE (\\w+)\\s(.*)", Pattern.DOTALL);
    private static final Pattern COLUMN_CHANGE = Pattern.compile("(ADD|MODIFY|DROP|RENAME|COMMENT) COLUMN\\b.*", Pattern.DOTALL);

    private ClusterVariant() {
    }

    static List<String> of(String statement, String cluster) {
        if (!cluster.matches("\\w+")) {
            throw new IllegalArgumentException("cluster name must be a plain identifier, not '" + cluster + "'");
        }
        Matcher table = CREATE_TABLE.matcher(statement);
        if (table.matches()) {
            String ifNotExists = table.group(1) == null ? "" : table.group(1);
            String name = table.group(2);
            String local = name + "_local";
            String engineArguments = table.group(5) == null || table.group(5).isBlank() ? "" : ", " + table.group(5).strip();
            String rest = table.group(6) == null ? "" : table.group(6);
            return List.of(
                    "CREATE TABLE " + ifNotExists + local + " ON CLUSTER " + cluster + "\n" + table.group(3)
                            + "\nENGINE = Replicated" + table.group(4) + "('/clickhouse/tables/{shard}/{database}/" + local + "', '{replica}'"
                            + engineArguments + ")" + rest,
                    "CREATE TABLE " + ifNotExists + name + " ON CLUSTER " + cluster + " AS " + local
                            + "\nENGINE = Distributed(" + cluster + ", currentDatabase(), " + local + ", rand())");
        }
        Matcher database = CREATE_DATABASE.matcher(statement);
        if (database.matches()) {
            return List.of("CREATE DATABASE " + (database.group(1) == null ? "" : database.group(1)) + database.group(2)
                    + " ON CLUSTER " + cluster + database.group(3));
        }
        Matcher drop = DROP_TABLE.matcher(statement);
        if (drop.matches()) {
            return List.of("DROP TABLE IF EXISTS " + drop.group(2) + " ON CLUSTER " + cluster + " SYNC",
                    "DROP TABLE IF EXISTS " + drop.group(2) + "_local ON CLUSTER " + cluster + " SYNC");
        }
        Matcher alter = ALTER_TABLE.matcher(statement);
        if (alter.matches()) {
            // Projections, columns and mutations belong to the replicated local tables that hold the data; the distributed
            // tables read them through columns of their own, which must change alike.
            String local = "ALTER TABLE " + alter.group(1) + "_local ON CLUSTER " + cluster + " " + alter.group(2);
            return COLUMN_CHANGE.matcher(alter.group(2)).matches()
                    ? List.of(local, "ALTER TABLE " + alter.group(1) + " ON CLUSTER " + cluster + " " + alter.group(2))
                    : List.of(local);
        }
        throw new IllegalArgumentException("no cluster form is defined for this migration statement; migrations may hold "
                + "CREATE TABLE ... ENGINE = *MergeTree, CREATE DATABASE, DROP TABLE and ALTER TABLE: " + statement.lines().findFirst().orElse(""));
    }
}
