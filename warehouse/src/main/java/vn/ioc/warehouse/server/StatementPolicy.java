package vn.ioc.warehouse.server;

import vn.ioc.warehouse.engine.EngineConnection;
import vn.ioc.warehouse.engine.EngineException;
import vn.ioc.warehouse.engine.Statement;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which statements may be sent beyond reads, decided on the engine's own parse of the statement ({@code EXPLAIN AST}):
 * an allowlist of statement kinds (for the writer; a reader is then told it is read-only), so that whatever the spelling (case, quotes, comments), a
 * statement the list does not name is refused. Reads need no check here: they run on read-only connections, and what
 * any statement may touch (files, hosts, programs, system commands) is the engine's own access control
 * ({@code EngineSandbox}). What that control does not see is what clickhouse-local does as the client on the server's
 * behalf: {@code INTO OUTFILE} and {@code FROM INFILE}, a file name the parser hangs directly under the statement; they
 * are refused here, as is every kind not listed. {@code KILL QUERY} is let through to {@link KillQuery}, which limits
 * it to the caller's own queries (every connection is the engine's one user: the engine's KILL would reach other
 * accounts' queries).
 */
final class StatementPolicy {
    /** Root nodes of {@code EXPLAIN AST} the writer may run: DML and DDL inside databases, and session settings. */
    static final Set<String> WRITER_KINDS = Set.of("InsertQuery", "CreateQuery", "AlterQuery", "DropQuery", "TruncateQuery", "Rename",
            "OptimizeQuery", "DeleteQuery", "UpdateQuery", "Set", "UseQuery", "SelectWithUnionQuery");
    /** The root of KILL QUERY (and KILL MUTATION, which {@link KillQuery} refuses). */
    static final String KILL = "KillQueryQuery";
    /** Kinds under which a literal hung directly on the root is a file name: the SELECT's INTO OUTFILE, the INSERT's FROM INFILE. */
    private static final Set<String> FILE_CLAUSE_KINDS = Set.of("SelectWithUnionQuery", "InsertQuery");

    private StatementPolicy() {
    }

    /**
     * Refuses, with ACCESS_DENIED naming the statement's kind, what the writer may not run.
     *
     * @param connection a connection to parse on (nothing is run)
     * @param request    who asks, and the values of the statement's parameters
     * @return the statement's kind, the root of its AST
     */
    static String check(EngineConnection connection, HttpQueryRequest request, String sql) {
        String user = request.user();
        List<String> tree = connection.execute(new Statement("EXPLAIN AST " + SqlText.lex(sql).withoutValues(), "TSVRaw", request.parameters()))
                .text().lines().toList();
        if (tree.isEmpty()) {
            throw EngineException.of(62, "SYNTAX_ERROR", "Empty query");
        }
        String root = tree.getFirst().strip().split("[ (]", 2)[0];
        if (root.equals(KILL)) {
            return root;
        }
        if (!WRITER_KINDS.contains(root)) {
            throw EngineException.of(497, "ACCESS_DENIED", user + ": Not enough privileges: statements of kind " + root
                    + " are not allowed on this warehouse (it accepts reads, INSERT, CREATE, ALTER, DROP, TRUNCATE, RENAME, EXCHANGE, OPTIMIZE, DELETE, UPDATE, SET and USE)");
        }
        if (FILE_CLAUSE_KINDS.contains(root) && tree.stream().skip(1).anyMatch(line -> line.startsWith(" Literal "))) {
            throw EngineException.of(497, "ACCESS_DENIED", user + ": Not enough privileges: INTO OUTFILE and FROM INFILE would reach the server's files");
        }
        return root;
    }
}
