package microblog.db.orm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;

/**
 * Maps class and field names to snake_case tables and columns, as
 * Flask-SQLAlchemy does: {@code User} becomes {@code user},
 * {@code AddressAndPhone} becomes {@code address_and_phone},
 * {@code passwordHash} becomes {@code password_hash}. Names given with
 * {@code @Table(name = ...)} or {@code @Column(name = ...)} are converted too
 * ({@code "MixedCase"} becomes {@code mixed_case}); quote one to keep it as
 * written ({@code @Column(name = "\"MixedCase\"")}), and it then names the
 * column {@code MixedCase} on every database.
 *
 * <p>A name that is a reserved word (such as {@code user}, {@code order} or
 * {@code desc}) is quoted <em>after</em> it has been lower-cased, so it still
 * names the table {@code user} and not {@code "User"}. Reserved means reserved
 * by any of the databases the migrations speak, not only by the one at hand:
 * the same models must give the same revisions on each, and Hibernate's own
 * list (the SQL standard's words) leaves out {@code desc}, {@code rank},
 * {@code key}, {@code limit} and others that PostgreSQL, MySQL or H2 refuse.
 */
public class SnakeCaseNamingStrategy extends PhysicalNamingStrategyStandardImpl {

    @Override
    public Identifier toPhysicalTableName(Identifier logicalName, JdbcEnvironment environment) {
        return convert(logicalName, environment);
    }

    @Override
    public Identifier toPhysicalColumnName(Identifier logicalName, JdbcEnvironment environment) {
        return convert(logicalName, environment);
    }

    @Override
    public Identifier toPhysicalSequenceName(Identifier logicalName, JdbcEnvironment environment) {
        return convert(logicalName, environment);
    }

    /** {@code AddressAndPhone} → {@code address_and_phone}; {@code HTTPLog} → {@code http_log}. */
    public static String snakeCase(String name) {
        String withBreaks = name.replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2").replaceAll("([a-z0-9])([A-Z])", "$1_$2");
        return withBreaks.toLowerCase(Locale.ROOT);
    }

    /** Reserved by one of the databases, beside the SQL standard's words Hibernate knows. */
    private static final Set<String> RESERVED_ELSEWHERE = reservedWords();

    private static boolean isKeyword(String word, Set<String> keywords) {
        return keywords.contains(word) || keywords.contains(word.toUpperCase(Locale.ROOT));
    }

    private static Set<String> reservedWords() {
        try (InputStream in = SnakeCaseNamingStrategy.class.getResourceAsStream("reserved-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("reserved-words.txt is missing beside SnakeCaseNamingStrategy");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Identifier convert(Identifier name, JdbcEnvironment environment) {
        if (name == null || name.isQuoted()) {
            return name;
        }
        String snake = snakeCase(name.getText());
        boolean reserved = RESERVED_ELSEWHERE.contains(snake)
                || environment != null
                        && isKeyword(snake, environment.getDialect().getKeywords());
        return Identifier.toIdentifier(snake, reserved);
    }
}
