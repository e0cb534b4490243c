package microblog.migrate.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** A table: its columns in order, its constraints and its indexes. */
public record Table(
        String name,
        List<Column> columns,
        List<UniqueConstraint> uniqueConstraints,
        List<ForeignKey> foreignKeys,
        List<Index> indexes,
        List<CheckConstraint> checkConstraints) {

    public Table {
        columns = List.copyOf(columns);
        uniqueConstraints = List.copyOf(uniqueConstraints);
        foreignKeys = List.copyOf(foreignKeys);
        indexes = List.copyOf(indexes);
        checkConstraints = List.copyOf(checkConstraints);
    }

    /** A table with no check constraints. */
    public Table(
            String name,
            List<Column> columns,
            List<UniqueConstraint> uniqueConstraints,
            List<ForeignKey> foreignKeys,
            List<Index> indexes) {
        this(name, columns, uniqueConstraints, foreignKeys, indexes, List.of());
    }

    public List<String> primaryKey() {
        return columns.stream().filter(Column::primaryKey).map(Column::name).toList();
    }

    /** The names of its indexes and constraints, which a database may keep in one namespace with other tables'. */
    public List<String> constraintAndIndexNames() {
        List<String> names = new ArrayList<>();
        indexes.forEach(ix -> names.add(ix.name()));
        uniqueConstraints.forEach(u -> names.add(u.name()));
        foreignKeys.forEach(fk -> names.add(fk.name()));
        checkConstraints.forEach(c -> names.add(c.name()));
        return names;
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /**
     * This table without {@code columnName}, and without the indexes and
     * constraints over it, as PostgreSQL and MySQL drop them with the column.
     */
    public Table withoutColumn(String columnName) {
        return new Table(
                name,
                columns.stream().filter(c -> !c.name().equals(columnName)).toList(),
                uniqueConstraints.stream()
                        .filter(u -> !u.columns().contains(columnName))
                        .toList(),
                foreignKeys.stream()
                        .filter(fk -> !fk.columns().contains(columnName))
                        .toList(),
                indexes.stream()
                        .filter(ix -> !ix.columns().contains(columnName))
                        .toList(),
                checkConstraints);
    }

    /** This table with {@code replacement} in place of the column of the same name. */
    public Table withColumn(Column replacement) {
        return withColumns(cols -> cols.stream()
                .map(c -> c.name().equals(replacement.name()) ? replacement : c)
                .collect(Collectors.toCollection(ArrayList::new)));
    }

    /** This table with column {@code from} called {@code to}, in its constraints and indexes too. */
    public Table withRenamedColumn(String from, String to) {
        UnaryOperator<List<String>> rename =
                names -> names.stream().map(n -> n.equals(from) ? to : n).toList();
        return new Table(
                name,
                columns.stream()
                        .map(c -> c.name().equals(from) ? c.renamed(to) : c)
                        .toList(),
                uniqueConstraints.stream()
                        .map(u -> new UniqueConstraint(u.name(), rename.apply(u.columns())))
                        .toList(),
                foreignKeys.stream()
                        .map(fk -> fk.withColumns(rename.apply(fk.columns())))
                        .toList(),
                indexes.stream()
                        .map(ix -> ix.withColumns(rename.apply(ix.columns())))
                        .toList(),
                checkConstraints);
    }

    /**
     * This table under another name; its indexes go with it, and its foreign
     * keys and unique constraints named by the convention after the old name
     * are named after the new one (see {@code rename_table}).
     */
    public Table renamed(String newName) {
        return new Table(
                newName,
                columns,
                uniqueConstraints.stream()
                        .map(u -> u.name().equals(UniqueNames.conventional(name, u.columns()))
                                ? new UniqueConstraint(UniqueNames.conventional(newName, u.columns()), u.columns())
                                : u)
                        .toList(),
                foreignKeys.stream()
                        .map(fk -> fk.name().equals(ForeignKey.conventionalName(name, fk.columns(), fk.referredTable()))
                                ? fk.named(ForeignKey.conventionalName(newName, fk.columns(), fk.referredTable()))
                                : fk)
                        .toList(),
                indexes.stream().map(ix -> ix.onTable(newName)).toList(),
                checkConstraints);
    }

    /**
     * This table with its foreign keys to {@code from} pointing at {@code to}
     * instead, those named by the convention named after {@code to}.
     */
    public Table withReferencesRenamed(String from, String to) {
        return new Table(
                name,
                columns,
                uniqueConstraints,
                foreignKeys.stream()
                        .map(fk -> !fk.referredTable().equals(from)
                                ? fk
                                : fk.name().equals(ForeignKey.conventionalName(name, fk.columns(), from))
                                        ? fk.referringTo(to).named(ForeignKey.conventionalName(name, fk.columns(), to))
                                        : fk.referringTo(to))
                        .toList(),
                indexes,
                checkConstraints);
    }

    public Table withColumns(UnaryOperator<List<Column>> change) {
        return new Table(
                name,
                change.apply(new ArrayList<>(columns)),
                uniqueConstraints,
                foreignKeys,
                indexes,
                checkConstraints);
    }

    public Table withForeignKeys(UnaryOperator<List<ForeignKey>> change) {
        return new Table(
                name,
                columns,
                uniqueConstraints,
                change.apply(new ArrayList<>(foreignKeys)),
                indexes,
                checkConstraints);
    }

    public Table withUniqueConstraints(UnaryOperator<List<UniqueConstraint>> change) {
        return new Table(
                name,
                columns,
                change.apply(new ArrayList<>(uniqueConstraints)),
                foreignKeys,
                indexes,
                checkConstraints);
    }

    public Table withIndexes(UnaryOperator<List<Index>> change) {
        return new Table(
                name,
                columns,
                uniqueConstraints,
                foreignKeys,
                change.apply(new ArrayList<>(indexes)),
                checkConstraints);
    }

    public Table withCheckConstraints(UnaryOperator<List<CheckConstraint>> change) {
        return new Table(
                name,
                columns,
                uniqueConstraints,
                foreignKeys,
                indexes,
                change.apply(new ArrayList<>(checkConstraints)));
    }
}
