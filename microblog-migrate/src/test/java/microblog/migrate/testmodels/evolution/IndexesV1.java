package microblog.migrate.testmodels.evolution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** The first version: accounts with an email and a flag, to hold rows before the indexes arrive. */
public final class IndexesV1 {
    public static final List<Class<?>> MODELS = List.of(Account.class);

    private IndexesV1() {}

    @Entity(name = "Account")
    @Table(name = "account")
    public static class Account {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public Integer id;

        @Column(length = 50)
        public String email;

        public Boolean active;
    }
}
