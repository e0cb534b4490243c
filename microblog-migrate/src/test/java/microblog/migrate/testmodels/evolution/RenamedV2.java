package microblog.migrate.testmodels.evolution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.util.List;

/** The second version: the members' class renamed to Account without @RenamedFrom, its index name kept. */
public final class RenamedV2 {
    public static final List<Class<?>> MODELS = List.of(Account.class);

    private RenamedV2() {}

    @Entity(name = "Account")
    @Table(name = "account", indexes = @Index(name = "ix_email", columnList = "email"))
    public static class Account {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public Integer id;

        @Column(length = 50)
        public String email;
    }
}
