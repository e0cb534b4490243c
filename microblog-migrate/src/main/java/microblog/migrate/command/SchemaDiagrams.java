package microblog.migrate.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import microblog.migrate.MigrationException;
import microblog.migrate.TargetDatabase;
import microblog.migrate.autogenerate.ModelSchemaReader;
import microblog.migrate.ddl.DdlRenderer;
import microblog.migrate.diagram.MermaidDiagram;
import microblog.migrate.diagram.SvgDiagram;
import microblog.migrate.engine.MigrationConnections;
import microblog.migrate.engine.TableExclusions;
import microblog.migrate.runtime.VersionTable;
import microblog.migrate.schema.LiveSchemaReader;
import microblog.migrate.schema.Schema;
import microblog.migrate.script.ScriptDirectory;

/** {@code db diagram}: the models' schema, or the database's, as Mermaid text or an SVG file. */
final class SchemaDiagrams {
    private final MigrationConfig config;
    private final PrintWriter out;

    SchemaDiagrams(MigrationConfig config, PrintWriter out) {
        this.config = config;
        this.out = out;
    }

    void draw(boolean live, Path svgFile) {
        Schema schema = live
                ? liveSchema()
                : ModelSchemaReader.read(
                        config.entityClasses().get(), config.database().get().kind());
        if (svgFile == null) {
            out.print(MermaidDiagram.render(schema));
            out.flush();
            return;
        }
        Path file = svgFile.toAbsolutePath();
        try {
            Files.writeString(file, SvgDiagram.render(schema));
        } catch (NoSuchFileException e) {
            throw new MigrationException(
                    "cannot write " + file + ": the directory " + file.getParent() + " does not exist", e);
        } catch (IOException e) {
            throw new MigrationException("cannot write " + file + ": " + e.getMessage(), e);
        }
        out.println("Generating " + file + " ... done");
    }

    /** The database's tables, without the migration tool's own and those excluded in migrate.yaml. */
    private Schema liveSchema() {
        TargetDatabase database = config.database().get();
        Optional<ScriptDirectory> scripts = ScriptDirectory.exists(config.directory())
                ? Optional.of(ScriptDirectory.open(config.directory()))
                : Optional.empty();
        String versionTable = scripts.map(ScriptDirectory::versionTable).orElse(ScriptDirectory.DEFAULT_VERSION_TABLE);
        TableExclusions exclusions =
                new TableExclusions(scripts.map(ScriptDirectory::excludedTables).orElse(List.of()));
        try (Connection connection = MigrationConnections.openReadOnly(database).orElse(null)) {
            if (connection == null) {
                return Schema.empty();
            }
            VersionTable versions = new VersionTable(versionTable, DdlRenderer.forKind(database.kind()));
            return exclusions.apply(new LiveSchemaReader(
                            connection, DdlRenderer.forKind(database.kind()).catalog(), versions.bookkeepingTables())
                    .read());
        } catch (SQLException e) {
            throw new MigrationException("cannot read the database: " + e.getMessage(), e);
        }
    }
}
