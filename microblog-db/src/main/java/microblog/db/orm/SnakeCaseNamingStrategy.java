package microblog.db.orm;

import java.util.Locale;
import java.util.Set;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;

/**
 * Maps class and field names to snake_case tables and columns, as
 * Flask-SQLAlchemy does: {@code User} becomes {@code user},
 * {@code AddressAndPhone} becomes {@code address_and_phone},
 * {@code passwordHash} becomes {@code password_hash}. Names given explicitly
 * (with {@code @Table(name = ...)} or {@code @Column(name = ...)}) are kept.
 *
 * <p>A name that is a reserved word for the database (such as {@code user} on
 * PostgreSQL) is quoted <em>after</em> it has been lower-cased, so it still
 * names the table {@code user} and not {@code "User"}.
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

    private static boolean isKeyword(String word, Set<String> keywords) {
        return keywords.contains(word) || keywords.contains(word.toUpperCase(Locale.ROOT));
    }

    private Identifier convert(Identifier name, JdbcEnvironment environment) {
        if (name == null || name.isQuoted()) {
            return name;
        }
        String snake = snakeCase(name.getText());
        boolean reserved =
                environment != null && isKeyword(snake, environment.getDialect().getKeywords());
        return Identifier.toIdentifier(snake, reserved);
    }
}
