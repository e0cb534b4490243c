package microblog.db.testmodels;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import microblog.db.Model;
import org.hibernate.annotations.Immutable;

/**
 * A view of one row saying whether the PostgreSQL server that answers is a standby ({@code
 * pg_is_in_recovery()}): the same view replicated everywhere, whose answer depends on who reads it.
 */
@Entity
@Immutable
@Table(name = "server_role")
public class ServerRole extends Model {
    /** The view's definition, to create on the primary. */
    public static final String VIEW = "CREATE VIEW server_role AS SELECT 1 AS id, pg_is_in_recovery() AS in_recovery";

    @Id
    private Integer id;

    @Column(name = "in_recovery")
    private boolean inRecovery;

    protected ServerRole() {}

    public boolean inRecovery() {
        return inRecovery;
    }
}
