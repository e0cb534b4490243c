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

/** The first version: members with a unique email, and their posts. */
public final class RenamesV1 {
    public static final List<Class<?>> MODELS = List.of(Member.class, Post.class);

    private RenamesV1() {}

    @Entity(name = "Member")
    @Table(name = "member")
    public static class Member {
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
        public Member member;
    }
}
