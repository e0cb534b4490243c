package microblog.migrate.testmodels.evolution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import microblog.migrate.RenamedFrom;

/** The third version: the email no longer unique, and posts keep their member's id without a foreign key: both dropped by the names the convention gives them after the rename. */
public final class RenamesV3 {
    public static final List<Class<?>> MODELS = List.of(Account.class, Post.class);

    private RenamesV3() {}

    @Entity(name = "Account")
    @Table(name = "account")
    @RenamedFrom("member")
    public static class Account {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public Integer id;

        @Column(length = 50)
        public String email;
    }

    @Entity(name = "Post")
    @Table(name = "post")
    public static class Post {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public Integer id;

        @Column(name = "member_id")
        public Integer memberId;
    }
}
