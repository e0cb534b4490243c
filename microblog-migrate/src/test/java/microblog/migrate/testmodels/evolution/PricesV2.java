package microblog.migrate.testmodels.evolution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;

/** The second version: prices with one decimal, which rounds the values there are. */
public final class PricesV2 {
    public static final List<Class<?>> MODELS = List.of(Price.class);

    private PricesV2() {}

    @Entity(name = "Price")
    @Table(name = "price")
    public static class Price {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public Integer id;

        @Column(precision = 10, scale = 1)
        public BigDecimal amount;
    }
}
