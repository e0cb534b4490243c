package microblog.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import microblog.migrate.schema.Schema;
import microblog.migrate.schema.Table;

/** What must be equal across databases: tables, columns, types, nullability, keys, indexes,
 * checks (by name, and by the values they allow where they list them). */
record SchemaEquivalence(List<String> tables) {
    static SchemaEquivalence of(Schema schema) {
        List<String> lines = new ArrayList<>();
        for (Table t : schema.tables()) {
            t.columns()
                    .forEach(c ->
                            lines.add(t.name() + "." + c.name() + " " + c.type() + (c.nullable() ? "" : " NOT NULL")
                                    + (c.primaryKey() ? " PK" : "") + (c.autoincrement() ? " AUTO" : "")));
            t.uniqueConstraints().forEach(u -> lines.add(t.name() + " UNIQUE " + u.columns()));
            t.indexes()
                    .forEach(i ->
                            lines.add(t.name() + (i.unique() ? " UNIQUE " : " INDEX " + i.name() + " ") + i.columns()));
            t.foreignKeys()
                    .forEach(fk -> lines.add(t.name() + " FK " + fk.name() + " " + fk.columns() + " -> "
                            + fk.referredTable() + fk.referredColumns()));
            // A check's text is each database's own; what it allows is not.
            t.checkConstraints()
                    .forEach(c -> lines.add(t.name() + " CHECK " + c.name()
                            + c.meaning()
                                    .map(v -> " " + v.column() + " IN " + new TreeSet<>(v.values()))
                                    .orElse("")));
        }
        lines.sort(String::compareTo);
        return new SchemaEquivalence(lines);
    }
}
