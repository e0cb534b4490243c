package microblog.migrate.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import microblog.db.url.DatabaseKind;
import microblog.migrate.schema.Column;
import microblog.migrate.schema.Schema;
import microblog.migrate.schema.Sequence;
import microblog.migrate.schema.Table;
import microblog.migrate.testmodels.sequences.Gadgets;
import microblog.migrate.testmodels.sequences.Invoice;
import microblog.migrate.testmodels.sequences.Ticket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The sequences Hibernate's id generators use are part of the models' schema, the same on every database. */
class ModelSequencesTest {
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void eachSequenceKnowsTheKeyItNumbersAndThatKeyIsNotGeneratedByTheDatabase(DatabaseKind kind) {
        Schema schema = ModelSchemaReader.read(List.of(Ticket.class, Invoice.class), kind);
        assertThat(schema.sequences())
                .containsExactlyInAnyOrder(
                        Sequence.of("ticket_seq", 1, 50).numbering("ticket", "id"),
                        Sequence.of("invoice_number", 1000, 10).numbering("invoice", "id"));
        assertThat(schema.tables())
                .as("SQLite's emulation tables are sequences, not tables")
                .extracting(Table::name)
                .containsExactlyInAnyOrder("ticket", "invoice");
        assertThat(schema.tables())
                .flatExtracting(Table::columns)
                .filteredOn(Column::primaryKey)
                .noneMatch(Column::autoincrement);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anIdentityKeyNeedsNoSequence(DatabaseKind kind) {
        Schema schema = ModelSchemaReader.read(Gadgets.IDENTITY, kind);
        assertThat(schema.sequences()).isEmpty();
        assertThat(schema.table("gadget")
                        .orElseThrow()
                        .column("id")
                        .orElseThrow()
                        .autoincrement())
                .isTrue();
    }
}
