package microblog.migrate.schema;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import microblog.migrate.MigrationException;

/**
 * Maps the type names databases report ({@code character varying},
 * {@code int4}, {@code DATETIME}, {@code timestamp}) to the neutral
 * {@link ColumnType}s, so that {@code VARCHAR(64)} on one database and
 * {@code character varying(64)} on another compare equal. The models'
 * {@code columnDefinition}s are read through it too, so they mean what the
 * database will report.
 */
public final class TypeNormalizer {
    private TypeNormalizer() {}

    private static final Pattern PARAMETERS = Pattern.compile("\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

    /**
     * Normalises a reported type. Where {@code typeName} spells its own
     * parameters, as SQLite's declared types do ({@code NUMERIC(10, 2)}), they
     * win over the driver's {@code size} and {@code digits}.
     */
    public static ColumnType normalize(SchemaCatalog catalog, String where, String typeName, int size, int digits) {
        Matcher parameters = PARAMETERS.matcher(typeName == null ? "" : typeName);
        if (parameters.find()) {
            size = Integer.parseInt(parameters.group(1));
            digits = parameters.group(2) == null ? 0 : Integer.parseInt(parameters.group(2));
        }
        String name = typeName == null
                ? ""
                : typeName.toUpperCase(Locale.ROOT)
                        .replaceAll("\\(.*", "")
                        .replace(" UNSIGNED", "")
                        .strip();
        Optional<ColumnType> own = catalog.ownType(name, size);
        if (own.isPresent()) {
            return own.get();
        }
        return switch (name) {
            case "INT", "INTEGER", "INT4", "SERIAL", "MEDIUMINT" -> ColumnType.of(GenericType.INTEGER);
            case "BIGINT", "INT8", "BIGSERIAL" -> ColumnType.of(GenericType.BIG_INTEGER);
            case "SMALLINT", "INT2", "SMALLSERIAL" -> ColumnType.of(GenericType.SMALL_INTEGER);
            case "TINYINT" -> size == 1 ? ColumnType.of(GenericType.BOOLEAN) : ColumnType.of(GenericType.SMALL_INTEGER);
            case "VARCHAR", "CHARACTER VARYING", "NVARCHAR", "VARCHAR2", "CHAR", "BPCHAR", "CHARACTER", "NCHAR" -> size
                                    > 0
                            && size < Integer.MAX_VALUE
                    ? ColumnType.string(size)
                    : ColumnType.string(null);
            case "TEXT", "LONGTEXT", "MEDIUMTEXT", "TINYTEXT", "CLOB" -> ColumnType.of(GenericType.TEXT);
            case "BOOL", "BOOLEAN", "BIT" -> ColumnType.of(GenericType.BOOLEAN);
            case "DATETIME", "TIMESTAMP", "TIMESTAMP WITHOUT TIME ZONE" -> ColumnType.of(GenericType.DATE_TIME);
            case "TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE" -> ColumnType.DATE_TIME_WITH_TIMEZONE;
            case "DATE" -> ColumnType.of(GenericType.DATE);
            case "TIME", "TIME WITHOUT TIME ZONE" -> ColumnType.of(GenericType.TIME);
            case "REAL", "FLOAT", "FLOAT4" -> ColumnType.of(GenericType.FLOAT);
            case "DOUBLE", "DOUBLE PRECISION", "FLOAT8" -> ColumnType.of(GenericType.DOUBLE);
            case "NUMERIC", "DECIMAL" -> ColumnType.numeric(size > 0 ? size : null, size > 0 ? digits : null);
            case "BLOB", "BYTEA", "LONGBLOB", "MEDIUMBLOB", "VARBINARY" -> ColumnType.of(GenericType.LARGE_BINARY);
                // Sixteen fixed bytes is how Hibernate stores a UUID where there is no UUID type.
            case "BINARY" -> size == 16 ? ColumnType.of(GenericType.UUID) : ColumnType.of(GenericType.LARGE_BINARY);
            case "UUID" -> ColumnType.of(GenericType.UUID);
            default -> throw new MigrationException("column " + where + " has type " + typeName
                    + ", which migrations do not know yet; change it by hand with an 'execute' operation");
        };
    }
}
