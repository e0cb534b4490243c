package microblog.migrate.testmodels;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

@Entity
@Table(indexes = @Index(name = "ix_note_card_written", columnList = "written"))
public class NoteCard {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Integer id;

    @Column(length = 140)
    String text;

    LocalDateTime written;

    @ManyToOne
    @JoinColumn(name = "writer_id")
    Writer writer;
}
