package microblog.migrate.operations;

/**
 * One method per kind of {@link Operation}. Everything that handles operations
 * (renderers, the offline schema simulator, the file codec, the data-loss
 * guard) implements this, so a new operation does not compile until each of
 * them handles it. (With Java 21 an exhaustive {@code switch} over the sealed
 * interface would do the same; this project still builds on Java 17.)
 */
public interface OperationVisitor<R> {
    R createTable(CreateTable op);

    R dropTable(DropTable op);

    R renameTable(RenameTable op);

    R addColumn(AddColumn op);

    R dropColumn(DropColumn op);

    R alterColumn(AlterColumn op);

    R renameColumn(RenameColumn op);

    R createIndex(CreateIndex op);

    R dropIndex(DropIndex op);

    R renameIndex(RenameIndex op);

    R createForeignKey(CreateForeignKey op);

    R dropForeignKey(DropForeignKey op);

    R createUniqueConstraint(CreateUniqueConstraint op);

    R dropUniqueConstraint(DropUniqueConstraint op);

    R createCheckConstraint(CreateCheckConstraint op);

    R dropCheckConstraint(DropCheckConstraint op);

    R createSequence(CreateSequence op);

    R dropSequence(DropSequence op);

    R alterSequence(AlterSequence op);

    R execute(ExecuteSql op);
}
