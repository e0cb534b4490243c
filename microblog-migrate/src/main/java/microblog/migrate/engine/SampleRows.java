package microblog.migrate.engine;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import microblog.db.url.DatabaseKind;
import microblog.migrate.MigrationException;
import microblog.migrate.dialect.MigrationDialect;
import microblog.migrate.schema.AllowedValues;
import microblog.migrate.schema.CheckConstraint;
import microblog.migrate.schema.Column;
import microblog.migrate.schema.ColumnType;
import microblog.migrate.schema.ForeignKey;
import microblog.migrate.schema.Index;
import microblog.migrate.schema.LiveSchemaReader;
import microblog.migrate.schema.Table;
import microblog.migrate.schema.UniqueConstraint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds a few rows to every table of a scratch database, so that the revisions
 * tried there meet rows as they do in production. Called after each upgrade,
 * so that every table also holds rows written in its newest shape: a downgrade
 * that narrows a column the upgrade widened meets values only the wider type
 * holds. The rows are the awkward ones a column's type admits: strings as long
 * as the column allows, numbers as large as the type holds, the same value in
 * every row where no unique key forbids it (so that a unique constraint added
 * later meets duplicates), distinct values where one does, every value a check
 * of allowed values lists (an enum's constants), and foreign keys pointing at
 * rows of the referred table, filled first. Columns with a server default and
 * generated keys are left to the database; nullable ones get values too.
 */
public final class SampleRows {
    private static final Logger log = LoggerFactory.getLogger(SampleRows.class);

    /** How many rows each table gets at each call, at least; more where a check lists more allowed values. */
    public static final int ROWS = 3;
    /** A check listing hundreds of values (a wide range) is sampled, not covered. */
    private static final int MAX_ROWS = 20;
    /** What an unbounded text column gets: longer than any String(n) it may be narrowed to in a test. */
    private static final int UNBOUNDED_TEXT = 100;

    private static final LocalDateTime MOMENT = LocalDateTime.of(2026, 1, 2, 3, 4, 5);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final Connection connection;
    private final MigrationDialect ddl;
    private final Set<String> ignoredTables;

    SampleRows(Connection connection, MigrationDialect ddl, Set<String> ignoredTables) {
        this.connection = connection;
        this.ddl = ddl;
        this.ignoredTables = ignoredTables;
    }

    /** Adds rows to every table, referred tables first; returns the tables that took them. */
    List<String> addToEveryTable() {
        List<Table> tables = new LiveSchemaReader(connection, ddl.catalog(), ignoredTables)
                .read()
                .tables();
        List<String> filled = new ArrayList<>();
        for (Table table : referredFirst(tables)) {
            if (fill(table, count(table.name()))) {
                filled.add(table.name());
            }
        }
        return filled;
    }

    /**
     * {@code tables} ordered so that each comes after the tables its foreign
     * keys refer to; a cycle is broken where it is met (its nullable keys are
     * left NULL by {@link #fill}).
     */
    private static List<Table> referredFirst(List<Table> tables) {
        Map<String, Table> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        List<Table> ordered = new ArrayList<>();
        Set<String> visiting = new HashSet<>();
        Set<String> done = new HashSet<>();
        for (Table table : tables) {
            visit(table, byName, visiting, done, ordered);
        }
        return ordered;
    }

    private static void visit(
            Table table, Map<String, Table> byName, Set<String> visiting, Set<String> done, List<Table> ordered) {
        if (done.contains(table.name()) || !visiting.add(table.name())) {
            return;
        }
        for (ForeignKey fk : table.foreignKeys()) {
            Table referred = byName.get(fk.referredTable());
            if (referred != null) {
                visit(referred, byName, visiting, done, ordered);
            }
        }
        done.add(table.name());
        ordered.add(table);
    }

    /**
     * Inserts the rows in one transaction. Rows the database refuses (a check
     * written as SQL that the values break, say) are not the revision's fault:
     * the table takes none this time, with a warning, and the test goes on.
     */
    private boolean fill(Table table, long rowsThere) {
        Optional<List<Map<String, Object>>> rows = rowsFor(table, (int) Math.min(rowsThere, Integer.MAX_VALUE / 2));
        if (rows.isEmpty()) {
            return false;
        }
        List<String> columns = new ArrayList<>(rows.get().get(0).keySet());
        String sql = insertSql(table, columns);
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (Map<String, Object> row : rows.get()) {
                    for (int i = 0; i < columns.size(); i++) {
                        bind(insert, i + 1, row.get(columns.get(i)));
                    }
                    insert.executeUpdate();
                }
                connection.commit();
                return true;
            } catch (SQLException e) {
                connection.rollback();
                log.warn(
                        "db test could not add sample rows to '{}' ({}); it takes none this time. Statement: {}",
                        table.name(),
                        e.getMessage().strip(),
                        sql);
                return false;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new MigrationException(
                    "cannot put sample rows into '" + table.name() + "' of the scratch database: " + e.getMessage(), e);
        }
    }

    /** The INSERT for one row; values are parameters, so that each driver converts them to the column's type. */
    private String insertSql(Table table, List<String> columns) {
        if (columns.isEmpty()) { // every column is the database's to fill
            return ddl.kind() == DatabaseKind.MYSQL
                    ? "INSERT INTO " + ddl.quote(table.name()) + " () VALUES ()"
                    : "INSERT INTO " + ddl.quote(table.name()) + " DEFAULT VALUES";
        }
        List<String> quoted = new ArrayList<>();
        List<String> marks = new ArrayList<>();
        for (String column : columns) {
            quoted.add(ddl.quote(column));
            marks.add(valueSql(table.column(column).orElseThrow()));
        }
        return "INSERT INTO " + ddl.quote(table.name()) + " (" + String.join(", ", quoted) + ") VALUES ("
                + String.join(", ", marks) + ")";
    }

    /**
     * A parameter, cast where a driver would send text that the database does
     * not convert by itself (a PostgreSQL timestamp or UUID given as a string).
     */
    private String valueSql(Column column) {
        return switch (column.type().generic()) {
            case DATE_TIME, DATE, TIME, UUID -> ddl.kind() == DatabaseKind.POSTGRESQL
                    ? "CAST(? AS " + postgresType(column.type()) + ")"
                    : "?";
            default -> "?";
        };
    }

    private static String postgresType(ColumnType type) {
        return switch (type.generic()) {
            case DATE_TIME -> type.timezone() ? "timestamp with time zone" : "timestamp";
            case DATE -> "date";
            case TIME -> "time";
            default -> "uuid";
        };
    }

    /** Binds a value made by {@link #value}, or a key read from a referred table (bound as it was read). */
    private void bind(PreparedStatement insert, int index, Object value) throws SQLException {
        if (value instanceof UUID uuid) {
            if (ddl.kind() == DatabaseKind.MYSQL) { // BINARY(16), as Hibernate binds a UUID there
                insert.setBytes(
                        index,
                        ByteBuffer.allocate(16)
                                .putLong(uuid.getMostSignificantBits())
                                .putLong(uuid.getLeastSignificantBits())
                                .array());
            } else {
                insert.setString(index, uuid.toString());
            }
        } else if (value instanceof String text) {
            insert.setString(index, text);
        } else {
            insert.setObject(index, value);
        }
    }

    /**
     * The rows for {@code table}, each a column -> value map in the same
     * column order, their unique values distinct from those of the
     * {@code rowsThere} rows added before; none if a NOT NULL foreign key has
     * no row to refer to.
     */
    private Optional<List<Map<String, Object>>> rowsFor(Table table, int rowsThere) {
        Set<String> unique = uniqueColumns(table);
        Map<String, List<Object>> referred = new HashMap<>();
        for (ForeignKey fk : table.foreignKeys()) {
            List<List<Object>> keys = referredKeys(fk);
            for (int c = 0; c < fk.columns().size(); c++) {
                List<Object> values = new ArrayList<>();
                for (List<Object> key : keys) {
                    values.add(key.get(c));
                }
                referred.put(fk.columns().get(c), values);
            }
        }
        Map<String, AllowedValues> allowed = allowedValues(table);
        int count = ROWS;
        for (AllowedValues values : allowed.values()) {
            count = Math.max(count, Math.min(MAX_ROWS, values.values().size()));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int row = 0; row < count; row++) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Column column : table.columns()) {
                boolean isUnique = unique.contains(column.name());
                if (column.autoincrement() || column.serverDefault() != null && !isUnique) {
                    continue; // the database's to fill
                }
                List<Object> keys = referred.get(column.name());
                if (keys != null) {
                    if (keys.isEmpty() && !column.nullable()) {
                        log.warn(
                                "db test puts no sample rows into '{}': '{}' must refer to a row, and there is none",
                                table.name(),
                                column.name());
                        return Optional.empty();
                    }
                    values.put(column.name(), keys.isEmpty() ? null : keys.get((rowsThere + row) % keys.size()));
                } else if (allowed.containsKey(column.name())) {
                    AllowedValues check = allowed.get(column.name());
                    String value = check.values()
                            .get((rowsThere + row) % check.values().size());
                    values.put(column.name(), check.numeric() ? new BigDecimal(value) : value);
                } else {
                    values.put(column.name(), value(column, isUnique ? rowsThere + row : 0));
                }
            }
            rows.add(values);
        }
        return Optional.of(rows);
    }

    /**
     * A value of {@code type}, the n-th of distinct ones (0 for a column where
     * every row holds the same): as long or as large as the type allows, so
     * that a step narrowing the column meets a value that does not fit.
     */
    static Object value(Column column, int n) {
        ColumnType type = column.type();
        if (column.primaryKey() && type.isInteger()) {
            return n + 1L; // a key a sequence created later must start above, with room to spare
        }
        return switch (type.generic()) {
            case STRING -> text(type.length() == null ? UNBOUNDED_TEXT : type.length(), n);
            case TEXT -> text(UNBOUNDED_TEXT, n);
            case SMALL_INTEGER -> (long) Short.MAX_VALUE - n;
            case INTEGER -> (long) Integer.MAX_VALUE - n;
            case BIG_INTEGER -> Long.MAX_VALUE - n;
            case NUMERIC -> largestDecimal(type).subtract(BigDecimal.valueOf(n));
            case FLOAT, DOUBLE -> 1.5 + n;
            case BOOLEAN -> n % 2 == 0;
            case DATE_TIME -> TIMESTAMP.format(MOMENT.plusSeconds(n));
            case DATE -> LocalDate.of(2026, 1, 2).plusDays(n).toString();
            case TIME -> LocalTime.of(3, 4, 5).plusSeconds(n).toString();
            case LARGE_BINARY -> new byte[] {1, 2, (byte) n};
            case UUID -> new UUID(0, n + 1L);
        };
    }

    /** {@code length} characters, distinct for each {@code n} (which must fit in them). */
    private static String text(int length, int n) {
        String mark = Integer.toString(n, 36);
        if (length <= mark.length()) {
            return mark.substring(mark.length() - length);
        }
        return ("s" + mark + "-" + "x".repeat(length)).substring(0, length);
    }

    /** The largest value of a Numeric(p, s): p - s nines before the point, s after it. */
    private static BigDecimal largestDecimal(ColumnType type) {
        if (type.precision() == null) {
            return new BigDecimal("99999.99");
        }
        int scale = type.scale() == null ? 0 : type.scale();
        int whole = type.precision() - scale;
        String digits = "9".repeat(Math.max(whole, 1)) + (scale > 0 ? "." + "9".repeat(scale) : "");
        return new BigDecimal(whole > 0 ? digits : "0." + "9".repeat(scale));
    }

    /** The columns that must hold a distinct value in each row: of the primary key, a unique constraint or index. */
    private static Set<String> uniqueColumns(Table table) {
        Set<String> unique = new HashSet<>(table.primaryKey());
        for (UniqueConstraint constraint : table.uniqueConstraints()) {
            unique.addAll(constraint.columns());
        }
        for (Index index : table.indexes()) {
            if (index.unique()) {
                unique.addAll(index.columns());
                if (index.expression() != null) { // lower(email): the columns it names are taken as unique
                    table.columns().stream()
                            .map(Column::name)
                            .filter(name -> Pattern.compile(
                                            "\\b" + Pattern.quote(name) + "\\b", Pattern.CASE_INSENSITIVE)
                                    .matcher(index.expression())
                                    .find())
                            .forEach(unique::add);
                }
            }
        }
        return unique;
    }

    /** Column -> the values a check of allowed values lets it hold. */
    private static Map<String, AllowedValues> allowedValues(Table table) {
        Map<String, AllowedValues> allowed = new HashMap<>();
        for (CheckConstraint check : table.checkConstraints()) {
            check.meaning()
                    .map(values -> values.onColumnOf(table))
                    .ifPresent(values -> allowed.put(values.column(), values));
        }
        return allowed;
    }

    /** The keys of the referred table's rows, each as its values in the foreign key's order. */
    private List<List<Object>> referredKeys(ForeignKey fk) {
        List<String> quoted = fk.referredColumns().stream().map(ddl::quote).toList();
        String sql = "SELECT " + String.join(", ", quoted) + " FROM " + ddl.quote(fk.referredTable()) + " ORDER BY "
                + String.join(", ", quoted);
        List<List<Object>> keys = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next() && keys.size() < MAX_ROWS) {
                List<Object> key = new ArrayList<>();
                for (int c = 1; c <= quoted.size(); c++) {
                    key.add(rs.getObject(c));
                }
                keys.add(key);
            }
        } catch (SQLException e) {
            throw new MigrationException(
                    "cannot read the rows of '" + fk.referredTable() + "' to refer to: " + e.getMessage(), e);
        }
        return keys;
    }

    private long count(String table) {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + ddl.quote(table))) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new MigrationException("cannot count the rows of '" + table + "': " + e.getMessage(), e);
        }
    }
}
