package microblog.app.models;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import microblog.db.Model;
import microblog.db.Query;

/** A user of the microblog. Its table is {@code user}, from the class name. */
@Entity
@Table(
        indexes = {
            @Index(name = "ix_user_username", columnList = "username", unique = true),
            @Index(name = "ix_user_email", columnList = "email", unique = true)
        })
public class User extends Model {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(length = 64)
    private String username;

    @Column(length = 120)
    private String email;

    @Column(length = 128)
    private String passwordHash;

    protected User() {
        // for the ORM
    }

    public User(String username, String email) {
        this.username = username;
        this.email = email;
    }

    /** All users: {@code User.query().all()}. */
    public static Query<User> query() {
        return query(User.class);
    }

    /** This user's posts, as a query to refine: {@code u.posts().orderBy(Sort.desc("timestamp")).all()}. */
    public Query<Post> posts() {
        return related(Post.class, "author");
    }

    public Integer getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    @Override
    public String toString() {
        return "<User " + username + ">";
    }
}
