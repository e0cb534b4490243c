package microblog.db.testmodels;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.LocalDateTime;
import microblog.db.Model;

/** Two words, so its table is blog_entry. */
@Entity
public class BlogEntry extends Model {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    private String title;

    private LocalDateTime writtenAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id")
    private Author author;

    protected BlogEntry() {}

    public BlogEntry(String title, LocalDateTime writtenAt, Author author) {
        this.title = title;
        this.writtenAt = writtenAt;
        this.author = author;
    }

    public String getTitle() {
        return title;
    }

    public LocalDateTime getWrittenAt() {
        return writtenAt;
    }

    public Author getAuthor() {
        return author;
    }

    @Override
    public String toString() {
        return "<BlogEntry " + title + ">";
    }
}
