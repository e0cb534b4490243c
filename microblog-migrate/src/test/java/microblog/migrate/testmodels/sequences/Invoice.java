package microblog.migrate.testmodels.sequences;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** A named sequence of its own, starting at 1000, 10 ids a call. */
@Entity
public class Invoice {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoice_numbers")
    @SequenceGenerator(
            name = "invoice_numbers",
            sequenceName = "invoice_number",
            initialValue = 1000,
            allocationSize = 10)
    public Long id;

    public int cents;

    public Invoice() {}

    public Invoice(int cents) {
        this.cents = cents;
    }
}
