package microblog.migrate.runtime;

import java.util.List;
import microblog.migrate.operations.Operation;
import microblog.migrate.script.Revision;

/**
 * A revision that stopped half-way where schema changes commit one at a time, placed by its schema:
 * of {@code operations} (its upgrade or its downgrade, as {@code direction} says), the first
 * {@code done} took effect.
 *
 * @param statementsBefore for each operation, and one past the last, how many statements the
 *     run had counted before it: the count a run resumed there records
 * @param undo for each operation done, what undoes it, worked out from the schema before it
 * @param undoRefusal why the operations done cannot be undone, or null if they can
 */
public record PartialRun(
        Revision revision,
        String direction,
        List<Operation> operations,
        int done,
        List<Integer> statementsBefore,
        List<List<Operation>> undo,
        String undoRefusal) {

    /** {@code revision (message)}, as messages name it. */
    public String name() {
        return revision.id() + " (" + revision.message() + ")";
    }

    /** Where it stands, as a user reads it: {@code after 2 of 5 operations (create_table a, add_column a.b)}. */
    public String position() {
        return "after " + done + " of " + operations.size() + " operation(s)"
                + (done == 0
                        ? ""
                        : " ("
                                + String.join(
                                        ", ",
                                        operations.subList(0, done).stream()
                                                .map(Operation::describe)
                                                .toList())
                                + ")");
    }
}
