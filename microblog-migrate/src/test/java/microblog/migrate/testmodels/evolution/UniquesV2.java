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

/** The second version: none of the first version's unique constraints and indexes, while the foreign keys that used them stay. */
public final class UniquesV2 {
    public static final List<Class<?>> MODELS = List.of(Member.class, Profile.class);

    private UniquesV2() {}

    @Entity(name = "Member")
    @Table(name = "member")
    public static class Member {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public Integer id;

        @Column(length = 50)
        public String email;
    }

    @Entity(name = "Profile")
    @Table(name = "profile")
    public static class Profile {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public Integer id;

        @ManyToOne
        @JoinColumn(name = "member_id")
        public Member member;

        @ManyToOne
        @JoinColumn(name = "reviewer_id")
        public Member reviewer;
    }
}
