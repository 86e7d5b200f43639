package vn.ioc.warehouse.server;

import vn.ioc.warehouse.engine.EngineException;

import java.util.Locale;
import java.util.Set;

/**
 * The embedded engine runs as clickhouse-local, where table functions may read and write any file
 * or URL the process can reach. A ClickHouse server confines them to its user_files and grants; here
 * they are refused outright for HTTP clients, so that a dashboard password cannot read the host's
 * files. Data enters through INSERT bodies instead.
 */
final class ExternalAccessGuard {
    private static final Set<String> REFUSED = Set.of(
            "file", "filecluster", "url", "urlcluster", "s3", "s3cluster", "gcs", "cosn", "oss", "hdfs", "hdfscluster",
            "azureblobstorage", "azureblobstoragecluster", "remote", "remotesecure", "cluster", "clusterallreplicas",
            "mysql", "postgresql", "mongodb", "redis", "sqlite", "jdbc", "odbc", "executable", "executablepool",
            "python", "deltalake", "deltalakecluster", "iceberg", "icebergcluster", "icebergs3", "icebergazure",
            "iceberghdfs", "iceberglocal", "hudi", "hudicluster", "arrowflight", "ytsaurus", "paimon", "filesystem",
            "http");

    private ExternalAccessGuard() {
    }

    static void check(SqlText sql) {
        for (String name : sql.calledNames()) {
            if (REFUSED.contains(name.toLowerCase(Locale.ROOT))) {
                throw EngineException.of(497, "ACCESS_DENIED", "Not enough privileges: the warehouse does not allow "
                        + name + "(...) over HTTP; send data in the body of an INSERT instead");
            }
        }
        if (sql.containsWords("INTO", "OUTFILE") || sql.containsWords("FROM", "INFILE")) {
            throw EngineException.of(497, "ACCESS_DENIED", "Not enough privileges: INTO OUTFILE and FROM INFILE touch the server's files and are not allowed");
        }
    }
}
