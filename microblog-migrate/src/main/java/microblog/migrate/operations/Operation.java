package microblog.migrate.operations;

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
                ExecuteSql {

    /** A short phrase for logs, such as {@code create_table user}. */
    String describe();

    <R> R accept(OperationVisitor<R> visitor);
}
