package microblog.migrate.testmodels.evolution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import microblog.migrate.SqlIndex;

/** The second version: a unique index on the lower-cased email, and a partial index on the active accounts' emails. */
public final class IndexesV2 {
    public static final List<Class<?>> MODELS = List.of(Account.class);

    private IndexesV2() {}

    @Entity(name = "Account")
    @Table(name = "account")
    @SqlIndex(name = "ix_account_email_lower", on = "lower(email)", unique = true)
    @SqlIndex(name = "ix_account_active_email", on = "email", where = "active = true")
    public static class Account {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public Integer id;

        @Column(length = 50)
        public String email;

        public Boolean active;
    }
}
