package microblog.migrate.operations;

import java.util.Optional;

/**
 * Which operations can destroy data that a database already holds: dropping a
 * table or a column, narrowing a column's type, or making a column NOT NULL
 * (where a database either fails on the NULLs or, as MySQL may, replaces them).
 * The runner checks these against the rows before it runs them; autogenerate
 * warns about them in the log and in the revision's header.
 */
public final class DataLossRisk implements OperationVisitor<Optional<String>> {
    private static final DataLossRisk INSTANCE = new DataLossRisk();

    private DataLossRisk() {}

    /** What {@code operation} could lose, such as {@code drops table 'post' and its rows}, if anything. */
    public static Optional<String> of(Operation operation) {
        return operation.accept(INSTANCE);
    }

    @Override
    public Optional<String> dropTable(DropTable op) {
        return Optional.of("drops table '" + op.table() + "' and its rows");
    }

    @Override
    public Optional<String> dropColumn(DropColumn op) {
        return Optional.of("drops column '" + op.table() + "." + op.column() + "' and its values");
    }

    @Override
    public Optional<String> alterColumn(AlterColumn op) {
        String column = "'" + op.table() + "." + op.column() + "'";
        if (op.changesType() && !op.to().type().holdsAllOf(op.from().type())) {
            return Optional.of("narrows column " + column + " from " + op.from().type() + " to "
                    + op.to().type());
        }
        if (op.changesNullability() && !op.to().nullable()) {
            return Optional.of("makes column " + column + " NOT NULL");
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> createTable(CreateTable op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> renameTable(RenameTable op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> addColumn(AddColumn op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> renameColumn(RenameColumn op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> createIndex(CreateIndex op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> dropIndex(DropIndex op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> renameIndex(RenameIndex op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> createForeignKey(CreateForeignKey op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> dropForeignKey(DropForeignKey op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> createUniqueConstraint(CreateUniqueConstraint op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> dropUniqueConstraint(DropUniqueConstraint op) {
        return Optional.empty();
    }

    /** A new check either holds for every row or fails; it changes none. */
    @Override
    public Optional<String> createCheckConstraint(CreateCheckConstraint op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> dropCheckConstraint(DropCheckConstraint op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> createSequence(CreateSequence op) {
        return Optional.empty();
    }

    /** A sequence holds no rows; created again, it starts above the keys its table holds by then. */
    @Override
    public Optional<String> dropSequence(DropSequence op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> alterSequence(AlterSequence op) {
        return Optional.empty();
    }

    /** Hand-written SQL is the author's to judge. */
    @Override
    public Optional<String> execute(ExecuteSql op) {
        return Optional.empty();
    }
}
