package vn.ioc.warehouse.schema;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cluster form of the schema, checked as text: no cluster runs here. */
class ClusterVariantTest {

    @Test
    void mergeTreeTablesBecomeReplicatedLocalTablesBehindDistributedOnes() {
        List<String> statements = ClusterVariant.of("""
                CREATE TABLE IF NOT EXISTS facts
                (
                    commune LowCardinality(String),
                    day Date,
                    n UInt64
                )
                ENGINE = ReplacingMergeTree(version)
                PARTITION BY toYYYYMM(day)
                ORDER BY (commune, day)""", "ioc");
        assertEquals(2, statements.size());
        String local = statements.get(0);
        assertTrue(local.startsWith("CREATE TABLE IF NOT EXISTS facts_local ON CLUSTER ioc\n("), local);
        assertTrue(local.contains("commune LowCardinality(String)"), local);
        assertTrue(local.contains("ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/facts_local', '{replica}', version)"), local);
        assertTrue(local.endsWith("PARTITION BY toYYYYMM(day)\nORDER BY (commune, day)"), local);
        assertEquals("CREATE TABLE IF NOT EXISTS facts ON CLUSTER ioc AS facts_local\n"
                + "ENGINE = Distributed(ioc, currentDatabase(), facts_local, rand())", statements.get(1));
    }

    @Test
    void everyProductMigrationHasAClusterForm() {
        for (Migration migration : Migrations.load()) {
            List<String> statements = migration.clusterStatements("ioc");
            assertTrue(statements.stream().allMatch(s -> s.contains("ON CLUSTER ioc")), migration.id());
            // A migration that creates tables creates each as replicated local tables behind distributed ones.
            assertEquals(statements.stream().anyMatch(s -> s.startsWith("CREATE TABLE")),
                    statements.stream().anyMatch(s -> s.contains("ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/")), migration.id());
            assertEquals(statements.stream().anyMatch(s -> s.startsWith("CREATE TABLE")),
                    statements.stream().anyMatch(s -> s.contains("ENGINE = Distributed(ioc, currentDatabase(), ")), migration.id());
        }
    }

    @Test
    void dropsAndColumnChangesReachBothTablesOtherAltersTheLocalOne() {
        assertEquals(List.of("DROP TABLE IF EXISTS facts ON CLUSTER ioc SYNC", "DROP TABLE IF EXISTS facts_local ON CLUSTER ioc SYNC"),
                ClusterVariant.of("DROP TABLE facts", "ioc"));
        assertEquals(List.of("ALTER TABLE facts_local ON CLUSTER ioc MATERIALIZE PROJECTION by_month"),
                ClusterVariant.of("ALTER TABLE facts MATERIALIZE PROJECTION by_month", "ioc"));
        assertEquals(List.of("ALTER TABLE facts_local ON CLUSTER ioc MODIFY COLUMN n Nullable(UInt64)",
                        "ALTER TABLE facts ON CLUSTER ioc MODIFY COLUMN n Nullable(UInt64)"),
                ClusterVariant.of("ALTER TABLE facts MODIFY COLUMN n Nullable(UInt64)", "ioc"));
    }

    @Test
    void statementsWithoutAClusterFormAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClusterVariant.of("INSERT INTO facts SELECT 1", "ioc"));
        assertTrue(e.getMessage().contains("INSERT INTO facts"), e.getMessage());
    }
}
