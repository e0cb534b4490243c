package example.notes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One note in a notebook. */
@Entity
@Table(indexes = @Index(name = "ix_note_written_at", columnList = "written_at"))
public class Note {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(length = 500, nullable = false)
    private String text;

    @Column(name = "written_at", nullable = false)
    private Instant writtenAt = Instant.now();

    @ManyToOne(optional = false)
    @JoinColumn(name = "notebook_id")
    private Notebook notebook;

    protected Note() {}

    public Note(Notebook notebook, String text) {
        this.notebook = notebook;
        this.text = text;
    }

    public String getText() {
        return text;
    }

    public Notebook getNotebook() {
        return notebook;
    }

    @Override
    public String toString() {
        return "<Note " + text + ">";
    }
}
