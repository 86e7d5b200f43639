package vn.ioc.analytics.catalogue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check that a catalogue expression is an aggregate over a fact's own columns: every word must be one of the
 * fact's columns, an allowed function or an SQL operator; quoted strings are literals; no statement separators,
 * comments or subqueries. The catalogue ships with the product, but a mistyped column should fail at start-up
 * with the KPI's name rather than on a leader's screen.
 */
final class SqlExpression {
    private static final Set<String> FUNCTIONS = Set.of("sum", "sumif", "count", "countif", "uniqexact", "uniqexactif", "avg", "if",
            "multiif", "least", "greatest", "startswith", "tostring", "and", "or", "not", "in", "between", "like", "is", "null");
    private static final Pattern STRING = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_.\\s()+\\-*/,<>=!]*");

    private SqlExpression() {
    }

    /** The fact's columns an (acceptable) expression reads, in the order they first appear. */
    static List<String> columns(String expression, Fact fact) {
        Set<String> columns = new LinkedHashSet<>();
        Matcher words = WORD.matcher(STRING.matcher(expression).replaceAll(" "));
        while (words.find()) {
            if (fact.columns().contains(words.group())) {
                columns.add(words.group());
            }
        }
        return List.copyOf(columns);
    }

    /** Returns why {@code expression} is not acceptable over {@code fact}, or null when it is. */
    static String problem(String expression, Fact fact) {
        String code = STRING.matcher(expression).replaceAll("''").replace("''", " ");
        if (code.contains("--") || code.contains("/*") || !ALLOWED.matcher(code).matches()) {
            return "'" + expression + "' has characters an aggregate expression does not need";
        }
        Matcher words = WORD.matcher(code);
        while (words.find()) {
            String word = words.group();
            if (!fact.columns().contains(word) && !FUNCTIONS.contains(word.toLowerCase(Locale.ROOT))) {
                return "'" + word + "' is not a column of " + fact.table() + " nor an allowed function";
            }
        }
        return null;
    }
}
