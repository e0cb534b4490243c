package microblog.migrate.testmodels.evolution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.List;
import microblog.migrate.RenamedFrom;

/** The second version: members renamed to accounts, declared; the constraints named after the table follow it. */
public final class RenamesV2 {
    public static final List<Class<?>> MODELS = List.of(Account.class, Post.class);

    private RenamesV2() {}

    @Entity(name = "Account")
    @Table(name = "account")
    @RenamedFrom("member")
    public static class Account {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public Integer id;

        @Column(length = 50, unique = true)
        public String email;
    }

    @Entity(name = "Post")
    @Table(name = "post")
    public static class Post {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public Integer id;

        @ManyToOne
        @JoinColumn(name = "member_id")
        public Account member;
    }
}
