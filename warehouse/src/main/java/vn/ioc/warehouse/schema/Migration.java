package vn.ioc.warehouse.schema;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * One versioned schema change: a file {@code V<nnn>__<description>.sql} whose statements each end
 * with a semicolon at the end of a line. Statements are written for a single server and must be
 * idempotent ({@code IF NOT EXISTS}); {@link #clusterStatements} derives the cluster form.
 */
public record Migration(int version, String id, String checksum, List<String> statements) {
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__([a-z0-9_]+)\\.sql");
    private static final Pattern STATEMENT_END = Pattern.compile(";\\s*$", Pattern.MULTILINE);
    private static final Pattern COMMENT_LINE = Pattern.compile("(?m)^\\s*--.*$");

    public Migration {
        requireNonNull(id, "id");
        requireNonNull(checksum, "checksum");
        statements = List.copyOf(statements);
    }

    static Migration parse(String fileName, String text, String checksum) {
        Matcher name = FILE_NAME.matcher(fileName);
        if (!name.matches()) {
            throw new IllegalStateException("migration file " + fileName + " must be named V<number>__<lower_case_description>.sql");
        }
        List<String> statements = STATEMENT_END.splitAsStream(COMMENT_LINE.matcher(text).replaceAll(""))
                .map(String::strip)
                .filter(statement -> !statement.isEmpty())
                .toList();
        if (statements.isEmpty()) {
            throw new IllegalStateException("migration file " + fileName + " holds no statement");
        }
        return new Migration(Integer.parseInt(name.group(1)), fileName.substring(0, fileName.length() - 4), checksum, statements);
    }

    /** The same change for a cluster: see {@link ClusterVariant}. */
    public List<String> clusterStatements(String cluster) {
        return statements.stream().flatMap(statement -> ClusterVariant.of(statement, cluster).stream()).toList();
    }
}
