package microblog.migrate.operations;

import java.util.List;
import microblog.migrate.schema.Schema;

/**
 * One database-neutral schema change, as listed under {@code upgrade} and
 * {@code downgrade} in a revision file.
 */
public sealed interface Operation
        permits CreateTable,
                DropTable,
                RenameTable,
                AddColumn,
                DropColumn,
                AlterColumn,
                RenameColumn,
                CreateIndex,
                DropIndex,
                RenameIndex,
                CreateForeignKey,
                DropForeignKey,
                CreateUniqueConstraint,
                DropUniqueConstraint,
                CreateCheckConstraint,
                DropCheckConstraint,
                CreateSequence,
                DropSequence,
                AlterSequence,
                ExecuteSql {

    /**
     * The operations that undo this one, worked out from {@code before}, the
     * schema as it stood just before this one ran: a drop needs it to put back
     * what it removed. Applied after this one, they give {@code before} again,
     * except that what they put back comes last among its kind (a column added
     * back is the table's last, as in every database). Autogenerate writes its
     * downgrade from these.
     *
     * @throws microblog.migrate.MigrationException where {@code before} lacks
     *     what this operation removes, and always for {@link ExecuteSql}, whose
     *     inverse only its author can write
     */
    List<Operation> inverse(Schema before);

    /** A short phrase for logs, such as {@code create_table user}. */
    String describe();

    <R> R accept(OperationVisitor<R> visitor);
}
