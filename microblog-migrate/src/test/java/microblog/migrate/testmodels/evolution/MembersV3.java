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
 * The third version renames the member table to person (and its index after it)
 * and drops bio, which loses its values.
 */
public final class MembersV3 {
    public static final List<Class<?>> MODELS = List.of(Person.class, Note.class);

    private MembersV3() {}

    @Entity
    @RenamedFrom("member")
    @Table(
            name = "person",
            indexes = @Index(name = "ix_person_username", columnList = "username", unique = true),
            check = @CheckConstraint(name = "ck_member_karma", constraint = "karma >= 0"))
    public static class Person {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Integer id;

        @Column(length = 80)
        String username;

        @Column(length = 120, nullable = false)
        String mail;

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
        Person member;
    }
}
