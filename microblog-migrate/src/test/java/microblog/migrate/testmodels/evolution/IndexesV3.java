package microblog.migrate.testmodels.evolution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import microblog.migrate.SqlIndex;

/** The third version: a longer email, which SQLite makes by rebuilding the table, indexes and all. */
public final class IndexesV3 {
    public static final List<Class<?>> MODELS = List.of(Account.class);

    private IndexesV3() {}

    @Entity(name = "Account")
    @Table(name = "account")
    @SqlIndex(name = "ix_account_email_lower", on = "lower(email)", unique = true)
    @SqlIndex(name = "ix_account_active_email", on = "email", where = "active = true")
    public static class Account {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public Integer id;

        @Column(length = 80)
        public String email;

        public Boolean active;
    }
}
