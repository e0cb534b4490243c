package microblog.migrate.testmodels.evolution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;

/** The first version: prices with two decimals. */
public final class PricesV1 {
    public static final List<Class<?>> MODELS = List.of(Price.class);

    private PricesV1() {}

    @Entity(name = "Price")
    @Table(name = "price")
    public static class Price {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public Integer id;

        @Column(precision = 10, scale = 2)
        public BigDecimal amount;
    }
}
