package microblog.migrate.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import java.util.List;
import microblog.db.url.DatabaseKind;
import microblog.migrate.MigrationException;
import microblog.migrate.schema.Column;
import microblog.migrate.schema.Schema;
import microblog.migrate.schema.Sequence;
import microblog.migrate.schema.Table;
import microblog.migrate.testmodels.sequences.Gadgets;
import microblog.migrate.testmodels.sequences.Invoice;
import microblog.migrate.testmodels.sequences.Ticket;
import org.junit.jupiter.api.Test;
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

    @Entity
    static class Receipt {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "long")
        @SequenceGenerator(
                name = "long",
                sequenceName = "receipt_numbers_handed_out_one_after_another_since_the_shop_opened")
        Long id;
    }

    @Test
    void aSequenceNameNoDatabaseKeepsIsRefused() {
        assertThatThrownBy(() -> ModelSchemaReader.read(List.of(Receipt.class), DatabaseKind.POSTGRESQL))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("the models name the sequence 'receipt_numbers_handed_out_one_after_another_"
                        + "since_the_shop_opened', longer than 63 bytes");
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
