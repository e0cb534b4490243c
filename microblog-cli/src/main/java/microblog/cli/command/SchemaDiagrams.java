package microblog.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import microblog.migrate.MigrationException;
import microblog.migrate.Migrations;
import microblog.migrate.diagram.MermaidDiagram;
import microblog.migrate.diagram.SvgDiagram;
import microblog.migrate.schema.Schema;

/** {@code db diagram}: the models' schema, or the database's, as Mermaid text or an SVG file. */
final class SchemaDiagrams {
    private final Migrations migrations;
    private final PrintWriter out;

    SchemaDiagrams(Migrations migrations, PrintWriter out) {
        this.migrations = migrations;
        this.out = out;
    }

    void draw(boolean live, Path svgFile) {
        Schema schema = live ? migrations.liveSchema() : migrations.entitySchema();
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
}
