package microblog.migrate.autogenerate;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import microblog.db.DatabaseException;
import microblog.db.orm.OrmSettings;
import microblog.db.url.DatabaseKind;
import microblog.migrate.MigrationException;
import microblog.migrate.RenamedFrom;
import microblog.migrate.SqlIndex;
import microblog.migrate.dialect.MigrationDialect;
import microblog.migrate.schema.AllowedValues;
import microblog.migrate.schema.AllowedValuesReader;
import microblog.migrate.schema.CheckConstraint;
import microblog.migrate.schema.Column;
import microblog.migrate.schema.ColumnType;
import microblog.migrate.schema.ForeignKey;
import microblog.migrate.schema.GenericType;
import microblog.migrate.schema.Identifiers;
import microblog.migrate.schema.Index;
import microblog.migrate.schema.IndexKeys;
import microblog.migrate.schema.Schema;
import microblog.migrate.schema.Table;
import microblog.migrate.schema.TypeNormalizer;
import microblog.migrate.schema.UniqueConstraint;
import microblog.migrate.schema.UniqueNames;
import org.hibernate.boot.Metadata;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.Size;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.UniqueKey;
import org.hibernate.type.SqlTypes;

/**
 * Reads the schema the entity classes describe, from Hibernate's mapping
 * metadata, built with no database connection.
 *
 * <p>Hibernate's model needs some undoing before it can be compared: it keeps
 * columns in alphabetical order (we restore the fields' declaration order, which
 * reads better in a revision), hashes foreign key names (we use
 * {@code fk_<table>_<columns>_<referred>}), and turns a unique {@code @Index} into
 * a unique key (we read the {@code @Table} annotation to tell them apart).
 */
public final class ModelSchemaReader {
    private ModelSchemaReader() {}

    /** The models' schema and the renames they declare with {@link RenamedFrom}. */
    public record ModelSchema(Schema schema, Renames renames) {}

    public static Schema read(Collection<Class<?>> entityClasses, DatabaseKind kind) {
        return readWithRenames(entityClasses, kind).schema();
    }

    public static ModelSchema readWithRenames(Collection<Class<?>> entityClasses, DatabaseKind kind) {
        Metadata metadata;
        try {
            metadata = OrmSettings.buildMetadata(OrmSettings.forKind(kind), List.copyOf(entityClasses));
        } catch (DatabaseException e) {
            throw new MigrationException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MigrationException("the models do not map: " + e.getMessage(), e);
        }
        Dialect dialect = metadata.getDatabase().getDialect();
        Map<org.hibernate.mapping.Table, List<String>> fieldOrder = new HashMap<>();
        Map<org.hibernate.mapping.Table, Set<String>> uniqueIndexNames = new HashMap<>();
        Map<org.hibernate.mapping.Table, List<SqlIndex>> sqlIndexes = new HashMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            fieldOrder
                    .computeIfAbsent(entity.getTable(), t -> new ArrayList<>())
                    .addAll(columnOrder(entity));
            uniqueIndexNames
                    .computeIfAbsent(entity.getTable(), t -> new HashSet<>())
                    .addAll(declaredUniqueIndexes(entity.getMappedClass()));
            sqlIndexes
                    .computeIfAbsent(entity.getTable(), t -> new ArrayList<>())
                    .addAll(List.of(entity.getMappedClass().getDeclaredAnnotationsByType(SqlIndex.class)));
        }
        ModelSequences sequences = ModelSequences.read(metadata, kind);
        List<Table> tables = new ArrayList<>();
        for (org.hibernate.mapping.Table table : metadata.collectTableMappings()) {
            if (table.isPhysicalTable()
                    && !sequences.emulatingTables().contains(name(table.getNameIdentifier(), kind))) {
                tables.add(readTable(
                        table,
                        metadata,
                        dialect,
                        kind,
                        fieldOrder.getOrDefault(table, List.of()),
                        uniqueIndexNames.getOrDefault(table, Set.of()),
                        sqlIndexes.getOrDefault(table, List.of())));
            }
        }
        tables.replaceAll(table -> withSequenceKey(table, sequences));
        tables.forEach(ModelSchemaReader::requireNamesThatFit);
        return new ModelSchema(new Schema(tables, sequences.sequences()), renames(metadata, kind));
    }

    /** A key whose values a sequence gives is not one the database generates. */
    private static Table withSequenceKey(Table table, ModelSequences sequences) {
        String key = sequences.numberedKeys().get(table.name());
        return key == null
                ? table
                : table.withColumns(columns -> columns.stream()
                        .map(c -> c.name().equals(key) ? c.withAutoincrement(false) : c)
                        .toList());
    }

    /** A name no database keeps as written would make a revision that means different things on each. */
    private static void requireNamesThatFit(Table table) {
        List<String> names = new ArrayList<>(List.of(table.name()));
        table.columns().forEach(c -> names.add(c.name()));
        names.addAll(table.constraintAndIndexNames());
        for (String name : names) {
            if (!Identifiers.fits(name)) {
                throw new MigrationException("the models name '" + name + "' in table '" + table.name()
                        + "', longer than " + Identifiers.MAX_BYTES + " bytes, which PostgreSQL would cut and MySQL "
                        + "refuse; give it a shorter name (@Table, @Column, @Index, @CheckConstraint)");
            }
        }
    }

    /** The former names {@link RenamedFrom} declares on entity classes and on their fields or getters. */
    private static Renames renames(Metadata metadata, DatabaseKind kind) {
        Map<String, List<String>> tables = new HashMap<>();
        Map<String, List<String>> columns = new HashMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            String table = name(entity.getTable().getNameIdentifier(), kind);
            RenamedFrom onClass = entity.getMappedClass().getAnnotation(RenamedFrom.class);
            if (onClass != null) {
                tables.put(table, List.of(onClass.value()));
            }
            List<Property> properties = new ArrayList<>();
            if (entity.getIdentifierProperty() != null) {
                properties.add(entity.getIdentifierProperty());
            }
            properties.addAll(entity.getProperties());
            for (Property property : properties) {
                RenamedFrom onMember = memberAnnotation(entity.getMappedClass(), property.getName());
                if (onMember == null) {
                    continue;
                }
                if (property.getColumns().size() != 1) {
                    throw new MigrationException(
                            "@RenamedFrom on " + entity.getMappedClass().getSimpleName() + "." + property.getName()
                                    + ": only a property stored in one column can declare a rename");
                }
                columns.put(table + "." + name(property.getColumns().get(0), kind), List.of(onMember.value()));
            }
        }
        return new Renames(tables, columns);
    }

    /** The annotation on the field named {@code property}, or on its getter, in the class or a superclass. */
    private static RenamedFrom memberAnnotation(Class<?> type, String property) {
        String getter = "get" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(property) && field.isAnnotationPresent(RenamedFrom.class)) {
                    return field.getAnnotation(RenamedFrom.class);
                }
            }
            for (Method method : c.getDeclaredMethods()) {
                if (method.getName().equals(getter) && method.isAnnotationPresent(RenamedFrom.class)) {
                    return method.getAnnotation(RenamedFrom.class);
                }
            }
        }
        return null;
    }

    private static Table readTable(
            org.hibernate.mapping.Table table,
            Metadata metadata,
            Dialect dialect,
            DatabaseKind kind,
            List<String> order,
            Set<String> uniqueIndexNames,
            List<SqlIndex> sqlIndexes) {
        String name = name(table.getNameIdentifier(), kind);
        List<String> primaryKey = table.getPrimaryKey() == null
                ? List.of()
                : table.getPrimaryKey().getColumns().stream()
                        .map(c -> name(c, kind))
                        .toList();
        List<Column> columns = new ArrayList<>();
        for (org.hibernate.mapping.Column column : table.getColumns()) {
            String columnName = name(column, kind);
            ColumnType type = type(name + "." + columnName, column, metadata, dialect, kind);
            boolean pk = primaryKey.contains(columnName);
            boolean auto = pk && primaryKey.size() == 1 && type.isInteger();
            columns.add(Column.of(columnName, type)
                    .withNullable(column.isNullable())
                    .withPrimaryKey(pk)
                    .withAutoincrement(auto)
                    .withServerDefault(column.getDefaultValue()));
        }
        columns.sort(Comparator.comparingInt(c -> {
            int i = order.indexOf(c.name());
            return i < 0 ? Integer.MAX_VALUE : i;
        }));

        List<Index> indexes = new ArrayList<>();
        table.getIndexes()
                .values()
                .forEach(ix -> indexes.add(new Index(
                        ix.getName(),
                        name,
                        ix.getColumns().stream().map(c -> name(c, kind)).toList(),
                        ix.isUnique())));
        List<UniqueConstraint> uniques = new ArrayList<>();
        Set<List<String>> uniqueColumnSets = new HashSet<>();
        for (UniqueKey key : table.getUniqueKeys().values()) {
            List<String> cols =
                    key.getColumns().stream().map(c -> name(c, kind)).toList();
            if (!uniqueColumnSets.add(cols) || cols.equals(primaryKey)) {
                continue;
            }
            if (uniqueIndexNames.contains(key.getName())) {
                indexes.add(new Index(key.getName(), name, cols, true));
            } else {
                String keyName = key.isNameExplicit() ? key.getName() : UniqueNames.conventional(name, cols);
                uniques.add(new UniqueConstraint(keyName, cols));
            }
        }
        // @Column(unique = true) is a flag on the column, not a unique key of the table.
        for (org.hibernate.mapping.Column column : table.getColumns()) {
            List<String> cols = List.of(name(column, kind));
            if (column.isUnique() && !cols.equals(primaryKey) && uniqueColumnSets.add(cols)) {
                uniques.add(new UniqueConstraint(UniqueNames.conventional(name, cols), cols));
            }
        }
        sqlIndexes.forEach(ix -> indexes.add(IndexKeys.index(ix.name(), name, ix.on(), ix.unique(), ix.where())));
        indexes.sort(Comparator.comparing(Index::name));

        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (org.hibernate.mapping.ForeignKey fk : table.getForeignKeyCollection()) {
            if (!fk.isCreationEnabled() || !fk.isPhysicalConstraint()) {
                continue;
            }
            List<String> cols = fk.getColumns().stream().map(c -> name(c, kind)).toList();
            String referred = name(fk.getReferencedTable().getNameIdentifier(), kind);
            List<org.hibernate.mapping.Column> referredColumns =
                    fk.getReferencedColumns().isEmpty()
                            ? fk.getReferencedTable().getPrimaryKey().getColumns()
                            : fk.getReferencedColumns();
            String onDelete =
                    switch (fk.getOnDeleteAction() == null
                            ? ""
                            : fk.getOnDeleteAction().name()) {
                        case "CASCADE" -> "CASCADE";
                        case "SET_NULL" -> "SET NULL";
                        default -> null;
                    };
            foreignKeys.add(new ForeignKey(
                    ForeignKey.conventionalName(name, cols, referred),
                    cols,
                    referred,
                    referredColumns.stream().map(c -> name(c, kind)).toList(),
                    onDelete));
        }
        foreignKeys.sort(Comparator.comparing(ForeignKey::name));
        return new Table(name, columns, uniques, foreignKeys, indexes, checks(table, name, metadata, kind));
    }

    /**
     * The checks declared with {@code @CheckConstraint}, on the table or on a
     * column; an unnamed one is named {@code ck_<table>_<column>} or
     * {@code ck_<table>_<n>}, so that a later revision can drop it by name.
     */
    private static List<CheckConstraint> checks(
            org.hibernate.mapping.Table table, String name, Metadata metadata, DatabaseKind kind) {
        List<CheckConstraint> checks = new ArrayList<>();
        int n = 0;
        for (org.hibernate.mapping.CheckConstraint check : table.getChecks()) {
            n++;
            checks.add(new CheckConstraint(
                    check.isNamed() ? check.getName() : CheckConstraint.conventionalName(name, String.valueOf(n)),
                    check.getConstraint()));
        }
        for (org.hibernate.mapping.Column column : table.getColumns()) {
            String columnName = name(column, kind);
            List<CheckConstraint> onColumn = new ArrayList<>();
            column.getCheckConstraints()
                    .forEach(check -> onColumn.add(columnCheck(check, columnName, name, onColumn.size())));
            // MySQL and H2 get a native enum type from Hibernate, and no check: the column is a String
            // everywhere (see type()), so it gets the check every other database has.
            if (onColumn.isEmpty() && column.getSqlType() == null) {
                String sqlType = column.getSqlType(metadata);
                AllowedValuesReader.enumValues(sqlType)
                        .ifPresent(values -> onColumn.add(CheckConstraint.allowing(
                                CheckConstraint.conventionalName(name, columnName),
                                new AllowedValues(columnName, values, false))));
            }
            checks.addAll(onColumn);
        }
        checks.sort(Comparator.comparing(CheckConstraint::name));
        return checks;
    }

    /**
     * A check on one column; one Hibernate derives (an enum's, a discriminator's)
     * as the values it allows, so that each database quotes the column its own way.
     */
    private static CheckConstraint columnCheck(
            org.hibernate.mapping.CheckConstraint check, String column, String table, int position) {
        String name = check.isNamed()
                ? check.getName()
                : CheckConstraint.conventionalName(table, column + (position == 0 ? "" : "_" + position));
        if (!check.isNamed()) {
            Optional<AllowedValues> allowed = AllowedValuesReader.read(check.getConstraint())
                    .filter(values -> values.column().equalsIgnoreCase(column));
            if (allowed.isPresent()) {
                AllowedValues values = allowed.get();
                return CheckConstraint.allowing(name, new AllowedValues(column, values.values(), values.numeric()));
            }
        }
        return new CheckConstraint(name, check.getConstraint());
    }

    /** An unquoted name is folded the way the database folds it: PostgreSQL and H2 lower-case. */
    static String name(org.hibernate.boot.model.naming.Identifier identifier, DatabaseKind kind) {
        return folded(identifier.getText(), identifier.isQuoted(), kind);
    }

    static String name(org.hibernate.mapping.Column column, DatabaseKind kind) {
        return folded(column.getName(), column.isQuoted(), kind);
    }

    private static String folded(String text, boolean quoted, DatabaseKind kind) {
        boolean lowers = MigrationDialect.forKind(kind).catalog().foldsUnquotedNamesToLowerCase();
        return !quoted && lowers ? text.toLowerCase(Locale.ROOT) : text;
    }

    private static ColumnType type(
            String where, org.hibernate.mapping.Column column, Metadata metadata, Dialect dialect, DatabaseKind kind) {
        if (column.getSqlType() != null) {
            // A columnDefinition is SQL the database will report back: read it as the database's own.
            return TypeNormalizer.normalize(MigrationDialect.forKind(kind).catalog(), where, column.getSqlType(), 0, 0);
        }
        int code = column.getSqlTypeCode(metadata);
        Size size = column.getColumnSize(dialect, metadata);
        Integer length = size.getLength() == null ? null : Math.toIntExact(size.getLength());
        return switch (code) {
            case Types.INTEGER -> ColumnType.of(GenericType.INTEGER);
            case Types.BIGINT -> ColumnType.of(GenericType.BIG_INTEGER);
            case Types.SMALLINT, Types.TINYINT -> ColumnType.of(GenericType.SMALL_INTEGER);
            case Types.VARCHAR, Types.NVARCHAR, Types.CHAR, Types.NCHAR -> ColumnType.string(length);
            case Types.LONGVARCHAR,
                    Types.LONGNVARCHAR,
                    Types.CLOB,
                    Types.NCLOB,
                    SqlTypes.LONG32VARCHAR,
                    SqlTypes.LONG32NVARCHAR -> ColumnType.of(GenericType.TEXT);
                // MySQL's native enum(...) and PostgreSQL's named enums exist on one database only: an
                // enum stored by name is a String on all three, which Hibernate reads and writes as text.
            case SqlTypes.ENUM, SqlTypes.NAMED_ENUM -> ColumnType.string(
                    length != null
                            ? length
                            : Math.toIntExact(column.getLength() != null ? column.getLength() : Size.DEFAULT_LENGTH));
            case SqlTypes.ORDINAL_ENUM, SqlTypes.NAMED_ORDINAL_ENUM -> ColumnType.of(GenericType.SMALL_INTEGER);
            case Types.BOOLEAN, Types.BIT -> ColumnType.of(GenericType.BOOLEAN);
            case Types.TIMESTAMP -> ColumnType.of(GenericType.DATE_TIME);
                // Instant, OffsetDateTime and ZonedDateTime: Hibernate normalises them to UTC (TIMESTAMP_UTC).
            case Types.TIMESTAMP_WITH_TIMEZONE, SqlTypes.TIMESTAMP_UTC -> ColumnType.DATE_TIME_WITH_TIMEZONE;
            case Types.DATE -> ColumnType.of(GenericType.DATE);
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> ColumnType.of(GenericType.TIME);
                // Hibernate maps double to FLOAT(53): more than 24 bits of precision needs a double.
            case Types.FLOAT -> size.getPrecision() != null && size.getPrecision() > 24
                    ? ColumnType.of(GenericType.DOUBLE)
                    : ColumnType.of(GenericType.FLOAT);
            case Types.REAL -> ColumnType.of(GenericType.FLOAT);
            case Types.DOUBLE -> ColumnType.of(GenericType.DOUBLE);
            case Types.NUMERIC, Types.DECIMAL -> ColumnType.numeric(size.getPrecision(), size.getScale());
                // Where a database has no UUID type, Hibernate stores one in 16 bytes.
            case Types.BINARY -> isUuid(column)
                    ? ColumnType.of(GenericType.UUID)
                    : ColumnType.of(GenericType.LARGE_BINARY);
            case Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB, SqlTypes.LONG32VARBINARY -> ColumnType.of(
                    GenericType.LARGE_BINARY);
            case SqlTypes.UUID -> ColumnType.of(GenericType.UUID);
            default -> throw new MigrationException("column " + where + " maps to SQL type code " + code + " ("
                    + column.getSqlType(metadata) + "), which migrations do not support yet");
        };
    }

    private static boolean isUuid(org.hibernate.mapping.Column column) {
        return column.getValue() != null && column.getValue().getType().getReturnedClass() == UUID.class;
    }

    /** Column names of an entity in the order its fields are declared, superclass fields first. */
    private static List<String> columnOrder(PersistentClass entity) {
        List<String> fields = new ArrayList<>();
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = entity.getMappedClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        hierarchy.forEach(c -> {
            for (Field field : c.getDeclaredFields()) {
                fields.add(field.getName());
            }
        });
        Map<String, List<String>> columnsByField = new LinkedHashMap<>();
        List<Property> properties = new ArrayList<>();
        if (entity.getIdentifierProperty() != null) {
            properties.add(entity.getIdentifierProperty());
        }
        properties.addAll(entity.getProperties());
        for (Property property : properties) {
            columnsByField.put(
                    property.getName(),
                    property.getColumns().stream()
                            .map(org.hibernate.mapping.Column::getName)
                            .toList());
        }
        List<String> order = new ArrayList<>();
        fields.forEach(f -> order.addAll(columnsByField.getOrDefault(f, List.of())));
        columnsByField
                .values()
                .forEach(cols -> cols.stream().filter(c -> !order.contains(c)).forEach(order::add));
        return order;
    }

    private static Set<String> declaredUniqueIndexes(Class<?> entityClass) {
        Set<String> names = new HashSet<>();
        jakarta.persistence.Table table = entityClass.getAnnotation(jakarta.persistence.Table.class);
        if (table != null) {
            for (jakarta.persistence.Index index : table.indexes()) {
                if (index.unique()) {
                    names.add(index.name());
                }
            }
        }
        return names;
    }
}
