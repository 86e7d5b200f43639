package vn.ioc.warehouse.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A light lexer over ClickHouse SQL: enough to find where an {@code INSERT ... FORMAT X} statement
 * ends and its data begins, and which format a query asks for. It skips
 * strings, quoted identifiers, heredocs and comments, so nothing inside them is mistaken for SQL.
 * What the statement means is left to the engine's own parser.
 */
final class SqlText {
    private final String text;
    private final List<Token> tokens;

    private SqlText(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    record Token(Kind kind, int start, int end, int depth) {
        enum Kind { WORD, QUOTED_IDENTIFIER, STRING, NUMBER, SYMBOL }
    }

    /** Where the statement part of an {@code INSERT ... FORMAT X} text ends and its data starts. */
    record InsertWithData(String statement, String format, int dataStart) {
    }

    static SqlText lex(String text) {
        List<Token> tokens = new ArrayList<>();
        int depth = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-' || c == '#') {
                i = endOfLine(text, i);
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '\'' ) {
                int end = endOfQuoted(text, i, '\'');
                tokens.add(new Token(Token.Kind.STRING, i, end, depth));
                i = end;
            } else if (c == '"' || c == '`') {
                int end = endOfQuoted(text, i, c);
                tokens.add(new Token(Token.Kind.QUOTED_IDENTIFIER, i, end, depth));
                i = end;
            } else if (c == '$' && heredocTagEnd(text, i) > 0) {
                int tagEnd = heredocTagEnd(text, i);
                String tag = text.substring(i, tagEnd);
                int close = text.indexOf(tag, tagEnd);
                int end = close < 0 ? n : close + tag.length();
                tokens.add(new Token(Token.Kind.STRING, i, end, depth));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_' || text.charAt(end) == '$')) {
                    end++;
                }
                tokens.add(new Token(Token.Kind.WORD, i, end, depth));
                i = end;
            } else if (Character.isDigit(c)) {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '.' || text.charAt(end) == '_')) {
                    end++;
                }
                tokens.add(new Token(Token.Kind.NUMBER, i, end, depth));
                i = end;
            } else {
                if (c == ')' || c == ']') {
                    depth = Math.max(0, depth - 1);
                }
                tokens.add(new Token(Token.Kind.SYMBOL, i, i + 1, depth));
                if (c == '(' || c == '[') {
                    depth++;
                }
                i++;
            }
        }
        return new SqlText(text, List.copyOf(tokens));
    }

    /** True when the text holds no SQL at all (only whitespace and comments). */
    boolean isEmpty() {
        return tokens.isEmpty();
    }

    /**
     * For {@code INSERT ... FORMAT X <data>}: the statement before {@code FORMAT}, the format, and where
     * the data begins. As in ClickHouse, data starts after the first newline following the format name,
     * or after the whitespace there when no newline comes first.
     */
    Optional<InsertWithData> insertWithData() {
        if (tokens.isEmpty() || !isWord(0, "INSERT")) {
            return Optional.empty();
        }
        for (int t = 1; t + 1 < tokens.size(); t++) {
            Token token = tokens.get(t);
            if (token.depth() == 0 && isWord(t, "FORMAT") && tokens.get(t + 1).kind() == Token.Kind.WORD) {
                Token format = tokens.get(t + 1);
                int data = format.end();
                while (data < text.length() && Character.isWhitespace(text.charAt(data))) {
                    if (text.charAt(data++) == '\n') {
                        break;
                    }
                }
                return Optional.of(new InsertWithData(text.substring(0, token.start()).strip(),
                        text.substring(format.start(), format.end()), data));
            }
            if (token.depth() == 0 && (isWord(t, "VALUES") || isWord(t, "SELECT") || isWord(t, "WITH"))) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The statement without its data: for {@code INSERT ... VALUES (...)}, the text up to {@code VALUES} (the engine
     * parses no further; the rows are read by the Values format); for anything else, the whole text.
     */
    String withoutValues() {
        if (tokens.isEmpty() || !isWord(0, "INSERT")) {
            return text;
        }
        for (int t = 1; t < tokens.size(); t++) {
            if (tokens.get(t).depth() == 0 && isWord(t, "VALUES")) {
                return text.substring(0, tokens.get(t).end());
            }
            if (tokens.get(t).depth() == 0 && (isWord(t, "SELECT") || isWord(t, "WITH") || isWord(t, "FORMAT"))) {
                return text;
            }
        }
        return text;
    }

    /** The statement's first word ({@code SELECT}, {@code INSERT}...), after any brackets; empty when it has none. */
    String firstWord() {
        for (int t = 0; t < tokens.size(); t++) {
            if (tokens.get(t).kind() == Token.Kind.WORD) {
                return word(t);
            }
        }
        return "";
    }

    /** The format a query names in its own {@code FORMAT} clause, if it has one. */
    Optional<String> outputFormat() {
        for (int t = tokens.size() - 2; t >= 0; t--) {
            if (tokens.get(t).depth() == 0 && isWord(t, "FORMAT") && tokens.get(t + 1).kind() == Token.Kind.WORD) {
                return Optional.of(word(t + 1));
            }
        }
        return Optional.empty();
    }

    private boolean isWord(int index, String word) {
        return tokens.get(index).kind() == Token.Kind.WORD && word(index).equalsIgnoreCase(word);
    }

    private String word(int index) {
        Token token = tokens.get(index);
        return text.substring(token.start(), token.end());
    }

    private static int endOfLine(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline + 1;
    }

    private static int endOfQuoted(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return text.length();
    }

    /** End of a heredoc opening tag such as {@code $$} or {@code $tag$}, or -1. */
    private static int heredocTagEnd(String text, int start) {
        int i = start + 1;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '$' ? i + 1 : -1;
    }
}
