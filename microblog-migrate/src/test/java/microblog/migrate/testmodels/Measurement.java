package microblog.migrate.testmodels;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

/** One field of each neutral type, to check that every database reads its types back the same. */
@Entity
public class Measurement {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Integer id;

    boolean verified;

    Long count;

    Short small;

    Double reading;

    Float rough;

    @Column(precision = 10, scale = 2)
    BigDecimal amount;

    @Lob
    @Column(length = 100_000)
    String notes;

    LocalDate day;

    LocalTime at;

    byte[] payload;
}
