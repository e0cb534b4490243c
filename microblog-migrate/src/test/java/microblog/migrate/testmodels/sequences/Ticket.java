package microblog.migrate.testmodels.sequences;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** A plain {@code @GeneratedValue} on a Long id: Hibernate 7 numbers it with {@code ticket_seq}, 50 ids a call. */
@Entity
public class Ticket {
    @Id
    @GeneratedValue
    public Long id;

    @Column(length = 80)
    public String title;

    public Ticket() {}

    public Ticket(String title) {
        this.title = title;
    }
}
