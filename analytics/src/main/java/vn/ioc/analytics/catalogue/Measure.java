package vn.ioc.analytics.catalogue;

import java.util.List;

/**
 * One side of an indicator: an aggregate expression ({@code value}) over one fact table, with an optional
 * condition on the fact's rows ({@code where}) and the window of time it reads.
 */
public record Measure(Fact fact, String value, String where, Window window) {
    public Measure {
        window = window == null ? Window.PERIOD : window;
        where = where == null || where.isBlank() ? null : where;
    }

    /** The fact's columns the value reads, in the order they first appear. */
    public List<String> columns() {
        return SqlExpression.columns(value, fact);
    }

    /** Whether the value over two sets of rows is the sum of their values (true of sums and counts, not of distinct counts). */
    public boolean additive() {
        return !uses("uniq\\w*|avg");
    }

    /**
     * Whether the value can be taken again over rows that already sum its count columns per key (true of sums,
     * conditional sums and distinct counts of keys; not of row counts or averages).
     */
    public boolean overSums() {
        return !uses("count\\w*|avg\\w*");
    }

    private boolean uses(String functions) {
        return value.matches("(?is).*\\b(" + functions + ")\\s*\\(.*");
    }
}
