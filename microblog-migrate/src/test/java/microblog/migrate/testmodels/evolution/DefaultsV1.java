package microblog.migrate.testmodels.evolution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** The first version: accounts with a name only, to hold rows before the defaults arrive. */
public final class DefaultsV1 {
    public static final List<Class<?>> MODELS = List.of(Account.class);

    private DefaultsV1() {}

    @Entity(name = "Account")
    @Table(name = "account")
    public static class Account {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public Integer id;

        @Column(length = 40)
        public String name;
    }
}
