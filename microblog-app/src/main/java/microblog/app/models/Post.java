package microblog.app.models;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import microblog.db.Model;
import microblog.db.Query;

/** A blog post, written by one {@link User}. */
@Entity
@Table(indexes = @Index(name = "ix_post_timestamp", columnList = "timestamp"))
public class Post extends Model {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(length = 140)
    private String body;

    /** When it was written, in UTC, to the microsecond (what every supported database keeps). */
    private LocalDateTime timestamp = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    private User author;

    protected Post() {
        // for the ORM
    }

    public Post(String body, User author) {
        this.body = body;
        this.author = author;
    }

    /** All posts: {@code Post.query().all()}. */
    public static Query<Post> query() {
        return query(Post.class);
    }

    public Integer getId() {
        return id;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public LocalDateTime getTimestamp() {
        return timestamp;
    }

    public void setTimestamp(LocalDateTime timestamp) {
        this.timestamp = timestamp;
    }

    public User getAuthor() {
        return author;
    }

    public void setAuthor(User author) {
        this.author = author;
    }

    @Override
    public String toString() {
        return "<Post " + body + ">";
    }
}
