package microblog.db.dialect;

import java.sql.SQLException;
import microblog.db.ConstraintKind;

/** The SQL states of class 23 that PostgreSQL and H2 both report for a broken constraint. */
final class StandardSqlStates {
    private StandardSqlStates() {}

    static ConstraintKind constraintKind(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return switch (state) {
            case "23505" -> ConstraintKind.UNIQUE;
            case "23503", "23506" -> ConstraintKind.FOREIGN_KEY; // H2 says 23506 for a missing parent
            case "23502" -> ConstraintKind.NOT_NULL;
            case "23513", "23514" -> ConstraintKind.CHECK; // H2's and PostgreSQL's
            default -> ConstraintKind.OTHER;
        };
    }
}
