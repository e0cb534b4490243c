package microblog.migrate.schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@link AllowedValues} out of a check's condition as any of the four
 * databases gives it back:
 *
 * <ul>
 *   <li>{@code status in ('NEW','PAID')}, {@code "status" IN('NEW', 'PAID')}, {@code `status` in ('NEW','PAID')}
 *   <li>{@code ((status)::text = ANY ((ARRAY['NEW'::character varying, 'PAID'::character varying])::text[]))}
 *   <li>{@code rank between 0 and 2}, {@code ((rank >= 0) AND (rank <= 2))}, and {@code ("order")::text = 'A'}
 * </ul>
 *
 * <p>A condition of any other shape has no allowed values: it is compared by
 * its name only. Written by hand because no SQL parser at hand reads all four
 * dialects' catalogue output, and the shapes are few: after casts, brackets and
 * {@code ARRAY} are set aside, each is a short fixed sequence of tokens.
 */
public final class AllowedValuesReader {
    private static final Pattern CAST = Pattern.compile(
            "::\\s*(character varying|double precision|bit varying|time(stamp)? with(out)? time zone|\\w+)"
                    + "(\\s*\\(\\d+(\\s*,\\s*\\d+)?\\))?(\\[])?",
            Pattern.CASE_INSENSITIVE);
    /** PostgreSQL keeps a negative number as a cast string: {@code '-1'::integer}. */
    private static final Pattern CAST_NUMBER = Pattern.compile(
            "'(-?\\d+(\\.\\d+)?)'::\\s*(integer|smallint|bigint|numeric|int[248]?)\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][\\w$]*");

    private enum Kind {
        WORD,
        QUOTED_NAME,
        STRING,
        NUMBER,
        SYMBOL
    }

    private record Token(Kind kind, String text) {
        boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        boolean isName() {
            return kind == Kind.QUOTED_NAME
                    || (kind == Kind.WORD
                            && !List.of("in", "any", "array", "between", "and", "or", "not", "is", "null", "like")
                                    .contains(text.toLowerCase(Locale.ROOT)));
        }

        boolean isValue() {
            return kind == Kind.STRING || kind == Kind.NUMBER;
        }
    }

    private AllowedValuesReader() {}

    /** The values {@code condition} allows, if it is a check of that shape. */
    public static Optional<AllowedValues> read(String condition) {
        List<Token> tokens;
        try {
            String uncast = CAST.matcher(CAST_NUMBER.matcher(condition).replaceAll("$1"))
                    .replaceAll(" ");
            tokens = significant(tokens(uncast));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(valueList(tokens)).or(() -> Optional.ofNullable(range(tokens)));
    }

    /** The strings of a literal list such as MySQL's {@code enum ('NEW','PAID')} type, or none. */
    public static Optional<List<String>> enumValues(String sqlType) {
        List<Token> tokens;
        try {
            tokens = significant(tokens(sqlType));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (tokens.isEmpty() || !tokens.get(0).isWord("enum")) {
            return Optional.empty();
        }
        List<Token> values = commaSeparated(tokens.subList(1, tokens.size()));
        return values == null || values.stream().anyMatch(t -> t.kind() != Kind.STRING)
                ? Optional.empty()
                : Optional.of(values.stream().map(Token::text).toList());
    }

    /** {@code col IN v, ...}, {@code col = v}, {@code col = ANY v, ...}. */
    private static AllowedValues valueList(List<Token> t) {
        if (t.size() < 3 || !t.get(0).isName()) {
            return null;
        }
        int first;
        if (t.get(1).isWord("in")) {
            first = 2;
        } else if (t.get(1).isSymbol("=")) {
            first = t.get(2).isWord("any") ? 3 : 2;
            if (first == 2 && t.size() != 3) {
                return null;
            }
        } else {
            return null;
        }
        List<Token> values = commaSeparated(t.subList(first, t.size()));
        if (values == null) {
            return null;
        }
        boolean numeric = values.get(0).kind() == Kind.NUMBER;
        if (values.stream().anyMatch(v -> (v.kind() == Kind.NUMBER) != numeric)) {
            return null;
        }
        return new AllowedValues(
                t.get(0).text(), values.stream().map(Token::text).toList(), numeric);
    }

    /** {@code col BETWEEN a AND b}, {@code col >= a AND col <= b} (either way round). */
    private static AllowedValues range(List<Token> t) {
        if (t.size() == 5
                && t.get(0).isName()
                && t.get(1).isWord("between")
                && t.get(2).kind() == Kind.NUMBER
                && t.get(3).isWord("and")
                && t.get(4).kind() == Kind.NUMBER) {
            return AllowedValues.range(t.get(0).text(), number(t.get(2)), number(t.get(4)));
        }
        if (t.size() == 7
                && t.get(0).isName()
                && t.get(2).kind() == Kind.NUMBER
                && t.get(3).isWord("and")
                && t.get(4).isName()
                && t.get(4).text().equalsIgnoreCase(t.get(0).text())
                && t.get(6).kind() == Kind.NUMBER) {
            if (t.get(1).isSymbol(">=") && t.get(5).isSymbol("<=")) {
                return AllowedValues.range(t.get(0).text(), number(t.get(2)), number(t.get(6)));
            }
            if (t.get(1).isSymbol("<=") && t.get(5).isSymbol(">=")) {
                return AllowedValues.range(t.get(0).text(), number(t.get(6)), number(t.get(2)));
            }
        }
        return null;
    }

    private static BigDecimal number(Token token) {
        return new BigDecimal(token.text());
    }

    /** {@code v, v, ...} covering all of {@code tokens}, or null. */
    private static List<Token> commaSeparated(List<Token> tokens) {
        List<Token> values = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (i % 2 == 0 ? !token.isValue() : !token.isSymbol(",")) {
                return null;
            }
            if (i % 2 == 0) {
                values.add(token);
            }
        }
        return values.isEmpty() || tokens.size() % 2 == 0 ? null : values;
    }

    /** The tokens that carry meaning here: brackets and {@code ARRAY} only group what the shapes list. */
    private static List<Token> significant(List<Token> tokens) {
        return tokens.stream()
                .filter(t -> !(t.isSymbol("(") || t.isSymbol(")") || t.isSymbol("[") || t.isSymbol("]")))
                .filter(t -> !t.isWord("array"))
                .toList();
    }

    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                i = quoted(text, i, '\'', Kind.STRING, tokens);
            } else if (c == '"' || c == '`') {
                i = quoted(text, i, c, Kind.QUOTED_NAME, tokens);
            } else if (Character.isDigit(c) || (c == '-' && negativeNumberAt(text, i, tokens))) {
                Matcher m = NUMBER.matcher(text).region(c == '-' ? i + 1 : i, text.length());
                m.lookingAt();
                tokens.add(new Token(Kind.NUMBER, text.substring(i, m.end())));
                i = m.end();
            } else if (Character.isLetter(c) || c == '_') {
                Matcher m = WORD.matcher(text).region(i, text.length());
                m.lookingAt();
                tokens.add(new Token(Kind.WORD, m.group()));
                i = m.end();
            } else if (text.startsWith(">=", i) || text.startsWith("<=", i)) {
                tokens.add(new Token(Kind.SYMBOL, text.substring(i, i + 2)));
                i += 2;
            } else {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                i++;
            }
        }
        return tokens;
    }

    /** A minus sign starts a number where no operand precedes it: {@code in (-1, 0)}, not {@code a-1}. */
    private static boolean negativeNumberAt(String text, int i, List<Token> before) {
        if (i + 1 >= text.length() || !Character.isDigit(text.charAt(i + 1))) {
            return false;
        }
        for (int k = before.size() - 1; k >= 0; k--) {
            Token previous = before.get(k);
            if (previous.isSymbol("(") || previous.isSymbol("[")) {
                continue;
            }
            return !(previous.isName() || previous.isValue() || previous.isSymbol(")"));
        }
        return true;
    }

    /**
     * A quoted string or name from {@code open}; the quote doubled stands for
     * itself, as does a backslash-escaped one (MariaDB's catalogue writes
     * {@code 'it\'s'}). Enum constants hold neither.
     */
    private static int quoted(String text, int open, char quote, Kind kind, List<Token> tokens) {
        StringBuilder value = new StringBuilder();
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && quote == '\'' && i + 1 < text.length()) {
                value.append(text.charAt(i + 1));
                i += 2;
            } else if (c == quote && i + 1 < text.length() && text.charAt(i + 1) == quote) {
                value.append(quote);
                i += 2;
            } else if (c == quote) {
                tokens.add(new Token(kind, value.toString()));
                return i + 1;
            } else {
                value.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated " + quote);
    }
}
