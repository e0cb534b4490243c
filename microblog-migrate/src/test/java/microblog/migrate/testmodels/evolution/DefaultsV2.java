package microblog.migrate.testmodels.evolution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.hibernate.annotations.ColumnDefault;

/** The second version: a column for each kind of server default a model declares, added to a table with rows. */
public final class DefaultsV2 {
    public static final List<Class<?>> MODELS = List.of(Account.class);

    private DefaultsV2() {}

    @Entity(name = "Account")
    @Table(name = "account")
    public static class Account {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public Integer id;

        @Column(length = 40)
        public String name;

        @ColumnDefault("CURRENT_TIMESTAMP")
        @Column(nullable = false)
        public LocalDateTime created;

        @ColumnDefault("0")
        @Column(precision = 10, scale = 2, nullable = false)
        public BigDecimal balance;

        @ColumnDefault("1.5")
        public Double ratio;

        @ColumnDefault("-1")
        public Integer rank;

        @ColumnDefault("true")
        public Boolean active;

        @ColumnDefault("'new'")
        @Column(length = 20)
        public String state;

        @ColumnDefault("'it''s'")
        @Column(length = 20)
        public String quote;

        @ColumnDefault("'2020-01-31'")
        public LocalDate since;
    }
}
