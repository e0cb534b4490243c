package microblog.migrate.testmodels.evolution;

import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.List;
import microblog.migrate.RenamedFrom;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/**
 * The second version changes existing columns without losing anything:
 * username longer, email renamed to mail and NOT NULL, a karma column with a
 * server default and a check that it is not negative, and notes deleted with
 * their member.
 */
public final class MembersV2 {
    public static final List<Class<?>> MODELS = List.of(Member.class, Note.class);

    private MembersV2() {}

    @Entity
    @Table(
            name = "member",
            indexes = @Index(name = "ix_member_username", columnList = "username", unique = true),
            check = @CheckConstraint(name = "ck_member_karma", constraint = "karma >= 0"))
    public static class Member {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Integer id;

        @Column(length = 80)
        String username;

        @RenamedFrom("email")
        @Column(length = 120, nullable = false)
        String mail;

        @Column(length = 200)
        String bio;

        @ColumnDefault("0")
        @Column(nullable = false)
        Integer karma;
    }

    @Entity
    @Table(name = "note", indexes = @Index(name = "ix_note_member_id", columnList = "member_id"))
    public static class Note {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Integer id;

        @Column(length = 140)
        String body;

        @ManyToOne
        @OnDelete(action = OnDeleteAction.CASCADE)
        @JoinColumn(name = "member_id")
        Member member;
    }
}
