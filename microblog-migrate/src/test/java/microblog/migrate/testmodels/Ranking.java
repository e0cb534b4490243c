package microblog.migrate.testmodels;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * An entity whose table and columns are called by words one database or
 * another reserves ({@code desc} and {@code limit} on PostgreSQL, {@code rank}
 * and {@code key} on MySQL), which Hibernate's list of SQL keywords leaves out.
 */
@Entity(name = "Index")
public class Ranking {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Integer id;

    @Column(length = 40)
    public String desc;

    public Integer rank;

    @Column(length = 20)
    public String key;

    public Integer limit;

    public Ranking() {}

    public Ranking(String desc, int rank) {
        this.desc = desc;
        this.rank = rank;
        this.key = desc.toUpperCase(java.util.Locale.ROOT);
        this.limit = rank * 10;
    }
}
