package microblog.migrate.testmodels.evolution;

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

/** The first version: members (username, email, bio) and their notes, indexed by member as the tutorial's posts are. */
public final class MembersV1 {
    public static final List<Class<?>> MODELS = List.of(Member.class, Note.class);

    private MembersV1() {}

    @Entity
    @Table(name = "member", indexes = @Index(name = "ix_member_username", columnList = "username", unique = true))
    public static class Member {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Integer id;

        @Column(length = 64)
        String username;

        @Column(length = 120)
        String email;

        @Column(length = 200)
        String bio;
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
        @JoinColumn(name = "member_id")
        Member member;
    }
}
