package vn.ioc.warehouse.engine;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One SQL statement for the engine: its text, the default output (or, for a streamed insert, input)
 * format, and values for its {@code {name:Type}} parameters, which the engine binds itself.
 */
public record Statement(String sql, String format, Map<String, String> parameters) {
    public Statement {
        requireNonNull(sql, "sql");
        requireNonNull(format, "format");
        parameters = Map.copyOf(parameters);
    }

    public static Statement of(String sql) {
        return new Statement(sql, "TabSeparated", Map.of());
    }

    public static Statement of(String sql, String format) {
        return new Statement(sql, format, Map.of());
    }
}
