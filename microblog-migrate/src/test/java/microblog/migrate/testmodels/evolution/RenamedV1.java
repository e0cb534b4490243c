package microblog.migrate.testmodels.evolution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.util.List;

/** The first version: members, indexed by email. */
public final class RenamedV1 {
    public static final List<Class<?>> MODELS = List.of(Member.class);

    private RenamedV1() {}

    @Entity(name = "Member")
    @Table(name = "member", indexes = @Index(name = "ix_email", columnList = "email"))
    public static class Member {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public Integer id;

        @Column(length = 50)
        public String email;
    }
}
