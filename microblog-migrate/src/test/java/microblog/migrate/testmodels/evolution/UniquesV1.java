package microblog.migrate.testmodels.evolution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.util.List;

/** The first version: a member's email is unique, each member has at most one profile (a unique foreign key), and profiles are indexed by their reviewer (an index a foreign key can use). */
public final class UniquesV1 {
    public static final List<Class<?>> MODELS = List.of(Member.class, Profile.class);

    private UniquesV1() {}

    @Entity(name = "Member")
    @Table(name = "member")
    public static class Member {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public Integer id;

        @Column(length = 50, unique = true)
        public String email;
    }

    @Entity(name = "Profile")
    @Table(name = "profile", indexes = @Index(name = "ix_profile_reviewer_id", columnList = "reviewer_id"))
    public static class Profile {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public Integer id;

        @OneToOne
        @JoinColumn(name = "member_id", unique = true)
        public Member member;

        @ManyToOne
        @JoinColumn(name = "reviewer_id")
        public Member reviewer;
    }
}
