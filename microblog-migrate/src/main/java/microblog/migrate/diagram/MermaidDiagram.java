package microblog.migrate.diagram;

import java.util.regex.Pattern;
import microblog.migrate.schema.Column;
import microblog.migrate.schema.ForeignKey;
import microblog.migrate.schema.Schema;
import microblog.migrate.schema.Table;

/**
 * A schema as a Mermaid {@code erDiagram}, which GitHub and GitLab draw in a README's
 * {@code mermaid} code block: each table with its columns, types and keys, each foreign key
 * as a relation whose ends say whether it is optional and whether it is one-to-one.
 */
public final class MermaidDiagram {
    /** What Mermaid accepts as an attribute's type; other spellings go into the comment. */
    private static final Pattern PLAIN_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_()\\[\\]-]*");

    private MermaidDiagram() {}

    public static String render(Schema schema) {
        StringBuilder text = new StringBuilder("erDiagram\n");
        for (Table table : schema.tables()) {
            text.append("    ").append(table.name()).append(" {\n");
            for (Column column : table.columns()) {
                text.append("        ").append(attribute(table, column)).append('\n');
            }
            text.append("    }\n");
        }
        for (Table table : schema.tables()) {
            for (ForeignKey fk : table.foreignKeys()) {
                String referred = SchemaFacts.isOptional(table, fk) ? "|o" : "||";
                String referring = SchemaFacts.isUnique(table, fk.columns()) ? "o|" : "o{";
                text.append("    ")
                        .append(fk.referredTable())
                        .append(' ')
                        .append(referred)
                        .append("--")
                        .append(referring)
                        .append(' ')
                        .append(table.name())
                        .append(" : \"")
                        .append(String.join(", ", fk.columns()))
                        .append("\"\n");
            }
        }
        return text.toString();
    }

    private static String attribute(Table table, Column column) {
        String type = column.type().toString();
        boolean plain = PLAIN_TYPE.matcher(type).matches();
        StringBuilder line = new StringBuilder(
                        plain ? type : column.type().generic().spelling())
                .append(' ')
                .append(column.name());
        String keys = String.join(", ", SchemaFacts.keys(table, column));
        if (!keys.isEmpty()) {
            line.append(' ').append(keys);
        }
        if (!plain) {
            line.append(" \"").append(type.replace('"', '\'')).append('"');
        }
        return line.toString();
    }
}
