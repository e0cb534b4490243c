package microblog.db.testmodels;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import microblog.db.Model;
import microblog.db.Query;

@Entity
public class Author extends Model {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(length = 64, unique = true)
    private String name;

    protected Author() {}

    public Author(String name) {
        this.name = name;
    }

    public static Query<Author> query() {
        return query(Author.class);
    }

    public Query<BlogEntry> entries() {
        return related(BlogEntry.class, "author");
    }

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "<Author " + name + ">";
    }
}
