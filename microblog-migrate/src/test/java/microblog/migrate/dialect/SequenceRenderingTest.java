package microblog.migrate.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import microblog.db.url.DatabaseKind;
import microblog.migrate.operations.AlterSequence;
import microblog.migrate.operations.CreateSequence;
import microblog.migrate.operations.DropSequence;
import microblog.migrate.operations.Operation;
import microblog.migrate.schema.Sequence;
import org.junit.jupiter.api.Test;

/**
 * The SQL of sequences on each database: native where there are sequences, Hibernate's one-row
 * table on SQLite, and a sequence made for a table's key starting above the keys already there.
 */
class SequenceRenderingTest {
    private static final Sequence TICKETS = Sequence.of("ticket_seq", 1, 50).numbering("ticket", "id");
    private static final TableLookup NONE = name -> Optional.empty();

    private static List<String> render(DatabaseKind kind, Operation op, TableLookup tables) {
        return MigrationDialect.forKind(kind).render(op, tables);
    }

    @Test
    void aSequenceForAKeyStartsAboveTheKeysOnEveryDatabase() {
        assertThat(render(DatabaseKind.POSTGRESQL, new CreateSequence(TICKETS), NONE))
                .containsExactly(
                        "CREATE SEQUENCE \"ticket_seq\" START WITH 1 INCREMENT BY 50",
                        "SELECT setval('\"ticket_seq\"', GREATEST(COALESCE(MAX(\"id\") + 50, 1), 1), false) FROM"
                                + " \"ticket\"");
        assertThat(render(DatabaseKind.H2, new CreateSequence(TICKETS), NONE))
                .containsExactly(
                        "CREATE SEQUENCE \"ticket_seq\" START WITH 1 INCREMENT BY 50",
                        "ALTER SEQUENCE \"ticket_seq\" RESTART WITH (SELECT GREATEST(COALESCE(MAX(\"id\") + 50, 1), 1)"
                                + " FROM \"ticket\")");
        assertThat(render(DatabaseKind.MYSQL, new CreateSequence(TICKETS), NONE))
                .containsExactly(
                        "CREATE SEQUENCE `ticket_seq` START WITH 1 INCREMENT BY 50",
                        "SET @migrate_sequence_value = (SELECT GREATEST(COALESCE(MAX(`id`) + 50, 1), 1) FROM `ticket`)",
                        "SET @migrate_sequence_statement = CONCAT('ALTER SEQUENCE `ticket_seq` RESTART WITH ',"
                                + " @migrate_sequence_value)",
                        "PREPARE migrate_sequence_statement FROM @migrate_sequence_statement",
                        "EXECUTE migrate_sequence_statement",
                        "DEALLOCATE PREPARE migrate_sequence_statement");
        assertThat(render(DatabaseKind.SQLITE, new CreateSequence(TICKETS), NONE))
                .containsExactly(
                        "CREATE TABLE \"ticket_seq\" (\"next_val\" BIGINT /* sequence: start 1, increment 50 */)",
                        "INSERT INTO \"ticket_seq\" (\"next_val\") SELECT MAX(COALESCE(MAX(\"id\") + 50, 1), 1) FROM"
                                + " \"ticket\"");
    }

    @Test
    void aSequenceForNoKnownKeyStartsAtItsStart() {
        Sequence invoices = Sequence.of("invoice_number", 1000, 10);
        assertThat(render(DatabaseKind.POSTGRESQL, new CreateSequence(invoices), NONE))
                .containsExactly("CREATE SEQUENCE \"invoice_number\" START WITH 1000 INCREMENT BY 10");
        assertThat(render(DatabaseKind.SQLITE, new CreateSequence(invoices), NONE))
                .containsExactly(
                        "CREATE TABLE \"invoice_number\" (\"next_val\" BIGINT /* sequence: start 1000, increment 10 */)",
                        "INSERT INTO \"invoice_number\" (\"next_val\") VALUES (1000)");
    }

    @Test
    void aNewIncrementMovesTheNextValueUnlessTheSequenceIsStillAtItsStart() {
        TableLookup live = new TableLookup() {
            @Override
            public Optional<microblog.migrate.schema.Table> table(String name) {
                return Optional.empty();
            }

            @Override
            public Optional<Sequence> sequence(String name) {
                return Optional.of(TICKETS).filter(s -> s.name().equals(name));
            }
        };
        assertThat(render(DatabaseKind.SQLITE, new AlterSequence("ticket_seq", 50, 10), live))
                .as("SQLite's table is never moved down: the application may have written it with the smaller one")
                .containsExactly(
                        "CREATE TABLE \"_migrate_tmp_ticket_seq\" (\"next_val\" BIGINT /* sequence: start 1, increment"
                                + " 10 */)",
                        "INSERT INTO \"_migrate_tmp_ticket_seq\" (\"next_val\") SELECT COALESCE(MAX(CASE WHEN"
                                + " \"next_val\" = 1 THEN \"next_val\" ELSE \"next_val\" + 0 END), 1) FROM"
                                + " \"ticket_seq\"",
                        "DROP TABLE \"ticket_seq\"",
                        "ALTER TABLE \"_migrate_tmp_ticket_seq\" RENAME TO \"ticket_seq\"");
        assertThat(render(DatabaseKind.POSTGRESQL, new AlterSequence("ticket_seq", 50, 10), NONE))
                .containsExactly(
                        "ALTER SEQUENCE \"ticket_seq\" INCREMENT BY 10",
                        "SELECT setval('\"ticket_seq\"', last_value + -40, false) FROM \"ticket_seq\" WHERE NOT"
                                + " is_called AND last_value <> (SELECT seqstart FROM pg_sequence WHERE seqrelid ="
                                + " '\"ticket_seq\"'::regclass)");
        assertThat(render(DatabaseKind.H2, new AlterSequence("ticket_seq", 10, 50), NONE))
                .containsExactly(
                        "ALTER SEQUENCE \"ticket_seq\" RESTART WITH (SELECT CASE WHEN base_value = start_value THEN"
                                + " base_value ELSE base_value + 40 END FROM information_schema.sequences WHERE"
                                + " sequence_schema = SCHEMA() AND sequence_name = 'ticket_seq')",
                        "ALTER SEQUENCE \"ticket_seq\" INCREMENT BY 50");
        assertThat(render(DatabaseKind.SQLITE, new DropSequence("ticket_seq"), NONE))
                .containsExactly("DROP TABLE \"ticket_seq\"");
        assertThat(render(DatabaseKind.MYSQL, new DropSequence("ticket_seq"), NONE))
                .containsExactly("DROP SEQUENCE `ticket_seq`");
    }
}
