package microblog.migrate.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import microblog.db.url.DatabaseKind;
import microblog.migrate.operations.AlterColumn;
import microblog.migrate.operations.AlterSequence;
import microblog.migrate.operations.DropForeignKey;
import microblog.migrate.operations.DropIndex;
import microblog.migrate.operations.DropUniqueConstraint;
import microblog.migrate.operations.RenameIndex;
import microblog.migrate.schema.Column;
import microblog.migrate.schema.ColumnType;
import microblog.migrate.schema.ForeignKey;
import microblog.migrate.schema.SchemaCatalog;
import microblog.migrate.schema.Sequence;
import microblog.migrate.schema.UniqueConstraint;

/**
 * MySQL and MariaDB: back-quoted names, AUTO_INCREMENT, DATETIME(6) for
 * microseconds, and their own ways to drop indexes and constraints.
 */
final class MysqlMigrationDialect extends MigrationDialect {
    /** MariaDB has neither (MySQL 8 has expression indexes, MariaDB none), so revisions that run on both make neither. */
    @Override
    public boolean makesExpressionAndPartialIndexes() {
        return false;
    }

    private static final SchemaCatalog CATALOG = new MysqlCatalog();

    @Override
    public Optional<String> leaseClockSql() {
        return Optional.of("CAST(UNIX_TIMESTAMP(CURRENT_TIMESTAMP(3)) * 1000 AS SIGNED)");
    }

    @Override
    public Optional<String> sessionIdSql() {
        return Optional.of("SELECT CONNECTION_ID()");
    }

    /** A client killed mid-statement leaves the server running it: an ALTER TABLE goes on to its end. */
    @Override
    public Optional<String> runningStatementSql() {
        return Optional.of("SELECT TIME, INFO FROM information_schema.PROCESSLIST WHERE ID = ? AND COMMAND = 'Query' "
                + "AND INFO IS NOT NULL");
    }

    /** Galera replicates InnoDB tables only; a server whose default engine is another would not. */
    @Override
    public String bookkeepingTableOptions() {
        return " ENGINE=InnoDB";
    }

    /**
     * On a Galera node, reads wait until the node has applied what the cluster committed before
     * them: the version table read after taking the lease then shows the last holder's work.
     */
    @Override
    public List<String> readYourWritesSql(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SHOW VARIABLES LIKE 'wsrep_on'")) {
            return rs.next() && rs.getString(2).equalsIgnoreCase("ON")
                    ? List.of("SET SESSION wsrep_sync_wait = 1")
                    : List.of();
        }
    }

    @Override
    public DatabaseKind kind() {
        return DatabaseKind.MYSQL;
    }

    @Override
    public SchemaCatalog catalog() {
        return CATALOG;
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    protected List<String> startAboveKeys(Sequence sequence) {
        return withValueOf(
                "SELECT " + firstFreeValue(sequence) + " FROM " + quote(sequence.table()),
                "ALTER SEQUENCE " + quote(sequence.name()) + " RESTART WITH");
    }

    /**
     * MariaDB restarts an altered sequence at its next value not yet cached (ahead of those handed
     * out): it is moved by the change of increment, unless still at the start.
     */
    @Override
    protected List<String> alterSequence(AlterSequence op, TableLookup tables) {
        long shift = op.toIncrement() - currentIncrement(op, tables);
        return withValueOf(
                "SELECT " + shiftedUnlessAtStart("next_not_cached_value", "start_value", shift) + " FROM "
                        + quote(op.name()),
                "ALTER SEQUENCE " + quote(op.name()) + " INCREMENT BY " + op.toIncrement() + " RESTART WITH");
    }

    /**
     * {@code statement} ending with the value {@code query} reads: MariaDB's sequence statements
     * ({@code RESTART WITH}, {@code SETVAL}) take a number, not a query, so the value goes through
     * a session variable into a prepared statement.
     */
    private static List<String> withValueOf(String query, String statement) {
        return List.of(
                "SET @migrate_sequence_value = (" + query + ")",
                "SET @migrate_sequence_statement = CONCAT(" + SqlLiterals.string(statement + " ")
                        + ", @migrate_sequence_value)",
                "PREPARE migrate_sequence_statement FROM @migrate_sequence_statement",
                "EXECUTE migrate_sequence_statement",
                "DEALLOCATE PREPARE migrate_sequence_statement");
    }

    @Override
    protected String typeSql(ColumnType type) {
        return switch (type.generic()) {
            case BOOLEAN -> "BOOL";
                // TEXT stops at 65,535 bytes; Hibernate maps a @Lob String to LONGTEXT too.
            case TEXT -> "LONGTEXT";
                // TIMESTAMP holds an instant (its range ends in 2038); DATETIME a wall-clock time.
            case DATE_TIME -> type.timezone() ? "TIMESTAMP(6)" : "DATETIME(6)";
            case TIME -> "TIME(6)";
            case FLOAT -> "FLOAT";
            case DOUBLE -> "DOUBLE";
            case NUMERIC -> standardType(type).replace("NUMERIC", "DECIMAL");
            case LARGE_BINARY -> "LONGBLOB";
            case UUID -> "BINARY(16)"; // what Hibernate binds a UUID as here
            default -> standardType(type);
        };
    }

    /**
     * Where {@code explicit_defaults_for_timestamp} is off (MySQL 5.7, MariaDB
     * before 10.10) a TIMESTAMP column that does not say NULL becomes NOT NULL
     * with a default of now.
     */
    @Override
    protected String columnDefinition(Column column) {
        String sql = super.columnDefinition(column);
        return column.nullable() && column.type().timezone() ? sql + " NULL" : sql;
    }

    @Override
    protected String autoincrementClause() {
        return " AUTO_INCREMENT";
    }

    @Override
    protected String tableSuffix() {
        return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
    }

    @Override
    public String utcTimestampText() {
        return "DATE_FORMAT(UTC_TIMESTAMP(6), '%Y-%m-%dT%H:%i:%s.%fZ')";
    }

    /** MySQL restates the whole column: type, nullability and default in one MODIFY. */
    @Override
    protected List<String> alterColumn(AlterColumn op, TableLookup tables) {
        List<String> sql = new ArrayList<>();
        fitValues(op).ifPresent(sql::add);
        sql.add("ALTER TABLE " + quote(op.table()) + " MODIFY COLUMN " + columnDefinition(op.to()));
        roundValues(op).ifPresent(sql::add);
        return sql;
    }

    @Override
    protected List<String> renameIndex(RenameIndex op, TableLookup tables) {
        return List.of(
                "ALTER TABLE " + quote(op.table()) + " RENAME INDEX " + quote(op.from()) + " TO " + quote(op.to()));
    }

    @Override
    protected List<String> dropIndex(DropIndex op, TableLookup tables) {
        // InnoDB refuses to drop the only index a foreign key can use (error 1553).
        return keepingForeignKeys(
                op.table(), op.name(), tables, "DROP INDEX " + quote(op.name()) + " ON " + quote(op.table()));
    }

    /** A foreign key cannot be renamed here: it is dropped and added again (InnoDB keeps the index it used). */
    @Override
    protected List<String> renameForeignKey(String table, ForeignKey before, ForeignKey after) {
        return List.of(
                "ALTER TABLE " + quote(table) + " DROP FOREIGN KEY " + quote(before.name()),
                "ALTER TABLE " + quote(table) + " ADD " + foreignKeyClause(after));
    }

    /** A unique constraint is an index here. */
    @Override
    protected List<String> renameUnique(String table, UniqueConstraint before, UniqueConstraint after) {
        return List.of(
                "ALTER TABLE " + quote(table) + " RENAME INDEX " + quote(before.name()) + " TO " + quote(after.name()));
    }

    @Override
    protected List<String> dropForeignKey(DropForeignKey op, TableLookup tables) {
        return List.of("ALTER TABLE " + quote(op.table()) + " DROP FOREIGN KEY " + quote(op.name()));
    }

    @Override
    protected List<String> dropUnique(DropUniqueConstraint op, TableLookup tables) {
        // A unique constraint is an index here: the same as for drop_index.
        return keepingForeignKeys(
                op.table(), op.name(), tables, "ALTER TABLE " + quote(op.table()) + " DROP INDEX " + quote(op.name()));
    }
}
