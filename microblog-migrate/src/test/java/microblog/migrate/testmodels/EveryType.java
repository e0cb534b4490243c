package microblog.migrate.testmodels;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * One field of each Java type a Jakarta Persistence model commonly maps, so that
 * autogenerate is tested on every one of them, on every database.
 */
@Entity
public class EveryType {
    /** An enum stored by name and by position. */
    public enum Mood {
        CALM,
        CURIOUS,
        CROSS
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Integer id;

    public Boolean flag;
    public boolean active;
    public Integer number;
    public int count;
    public Long big;
    public long bigCount;
    public Short small;
    public short smallCount;

    @Column(precision = 12, scale = 3)
    public BigDecimal price;

    public Double ratio;
    public double exact;
    public Float rough;

    public LocalDate day;
    public LocalTime at;
    public LocalDateTime stamp;
    public Instant happened;
    public OffsetDateTime offsetStamp;
    public ZonedDateTime zonedStamp;

    public UUID token;
    public byte[] bytes;

    @Lob
    public byte[] blob;

    @Lob
    public String essay;

    @Column(length = 40)
    public String label;

    @Column(columnDefinition = "text")
    public String body;

    @Column(columnDefinition = "varchar(80)")
    public String code;

    @Enumerated(EnumType.STRING)
    public Mood mood;

    @Enumerated(EnumType.ORDINAL)
    public Mood moodRank;
}
