package microblog.migrate.script;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import microblog.migrate.MigrationException;
import microblog.migrate.operations.AddColumn;
import microblog.migrate.operations.AlterColumn;
import microblog.migrate.operations.AlterSequence;
import microblog.migrate.operations.CreateCheckConstraint;
import microblog.migrate.operations.CreateForeignKey;
import microblog.migrate.operations.CreateIndex;
import microblog.migrate.operations.CreateSequence;
import microblog.migrate.operations.CreateTable;
import microblog.migrate.operations.CreateUniqueConstraint;
import microblog.migrate.operations.DropCheckConstraint;
import microblog.migrate.operations.DropColumn;
import microblog.migrate.operations.DropForeignKey;
import microblog.migrate.operations.DropIndex;
import microblog.migrate.operations.DropSequence;
import microblog.migrate.operations.DropTable;
import microblog.migrate.operations.DropUniqueConstraint;
import microblog.migrate.operations.ExecuteSql;
import microblog.migrate.operations.Operation;
import microblog.migrate.operations.OperationVisitor;
import microblog.migrate.operations.RenameColumn;
import microblog.migrate.operations.RenameIndex;
import microblog.migrate.operations.RenameTable;
import microblog.migrate.schema.AllowedValues;
import microblog.migrate.schema.CheckConstraint;
import microblog.migrate.schema.Column;
import microblog.migrate.schema.ColumnType;
import microblog.migrate.schema.ForeignKey;
import microblog.migrate.schema.Identifiers;
import microblog.migrate.schema.Index;
import microblog.migrate.schema.Sequence;
import microblog.migrate.schema.Table;
import microblog.migrate.schema.UniqueConstraint;

/**
 * Operations to and from the plain maps and lists of a revision file. Each
 * operation is a one-key map, {@code {create_index: {name: ..., table: ...}}};
 * reading checks every key so a typo in a hand-edited file is named, not ignored.
 */
final class OperationCodec {
    static final List<String> OPERATION_NAMES = List.of(
            "create_table",
            "drop_table",
            "rename_table",
            "add_column",
            "drop_column",
            "alter_column",
            "rename_column",
            "create_index",
            "drop_index",
            "rename_index",
            "create_foreign_key",
            "drop_foreign_key",
            "create_unique_constraint",
            "drop_unique_constraint",
            "create_check_constraint",
            "drop_check_constraint",
            "create_sequence",
            "drop_sequence",
            "alter_sequence",
            "execute");

    private OperationCodec() {}

    // ---- writing ----

    static Map<String, Object> write(Operation operation) {
        return operation.accept(new Writer());
    }

    /** Each operation as the one-key map a revision file holds. */
    private static final class Writer implements OperationVisitor<Map<String, Object>> {
        @Override
        public Map<String, Object> createTable(CreateTable op) {
            return entry("create_table", table(op.table()));
        }

        @Override
        public Map<String, Object> dropTable(DropTable op) {
            return entry("drop_table", map("name", op.table()));
        }

        @Override
        public Map<String, Object> renameTable(RenameTable op) {
            return entry("rename_table", map("from", op.from(), "to", op.to()));
        }

        @Override
        public Map<String, Object> addColumn(AddColumn op) {
            return entry("add_column", map("table", op.table(), "column", column(op.column())));
        }

        @Override
        public Map<String, Object> dropColumn(DropColumn op) {
            return entry("drop_column", map("table", op.table(), "name", op.column()));
        }

        @Override
        public Map<String, Object> alterColumn(AlterColumn op) {
            Map<String, Object> from = column(op.from());
            Map<String, Object> to = column(op.to());
            from.remove("name");
            to.remove("name");
            return entry("alter_column", map("table", op.table(), "name", op.column(), "from", from, "to", to));
        }

        @Override
        public Map<String, Object> renameColumn(RenameColumn op) {
            return entry("rename_column", map("table", op.table(), "from", op.from(), "to", op.to()));
        }

        @Override
        public Map<String, Object> createIndex(CreateIndex op) {
            Index index = op.index();
            Map<String, Object> body = map("name", index.name(), "table", index.table());
            if (index.expression() != null) {
                body.put("expression", index.expression());
            } else {
                body.put("columns", index.columns());
            }
            body.put("unique", index.unique());
            if (index.where() != null) {
                body.put("where", index.where());
            }
            return entry("create_index", body);
        }

        @Override
        public Map<String, Object> dropIndex(DropIndex op) {
            return entry("drop_index", map("name", op.name(), "table", op.table()));
        }

        @Override
        public Map<String, Object> renameIndex(RenameIndex op) {
            return entry("rename_index", map("table", op.table(), "from", op.from(), "to", op.to()));
        }

        @Override
        public Map<String, Object> createForeignKey(CreateForeignKey op) {
            return entry("create_foreign_key", withTable(op.table(), foreignKey(op.foreignKey())));
        }

        @Override
        public Map<String, Object> dropForeignKey(DropForeignKey op) {
            return entry("drop_foreign_key", map("name", op.name(), "table", op.table()));
        }

        @Override
        public Map<String, Object> createUniqueConstraint(CreateUniqueConstraint op) {
            return entry(
                    "create_unique_constraint",
                    map(
                            "name",
                            op.constraint().name(),
                            "table",
                            op.table(),
                            "columns",
                            op.constraint().columns()));
        }

        @Override
        public Map<String, Object> dropUniqueConstraint(DropUniqueConstraint op) {
            return entry("drop_unique_constraint", map("name", op.name(), "table", op.table()));
        }

        @Override
        public Map<String, Object> createCheckConstraint(CreateCheckConstraint op) {
            Map<String, Object> body = map("name", op.constraint().name(), "table", op.table());
            body.putAll(checkCondition(op.constraint()));
            return entry("create_check_constraint", body);
        }

        @Override
        public Map<String, Object> dropCheckConstraint(DropCheckConstraint op) {
            return entry("drop_check_constraint", map("name", op.name(), "table", op.table()));
        }

        @Override
        public Map<String, Object> createSequence(CreateSequence op) {
            Sequence sequence = op.sequence();
            Map<String, Object> body =
                    map("name", sequence.name(), "start", sequence.start(), "increment", sequence.increment());
            if (sequence.numbersAColumn()) {
                body.put("table", sequence.table());
                body.put("column", sequence.column());
            }
            return entry("create_sequence", body);
        }

        @Override
        public Map<String, Object> dropSequence(DropSequence op) {
            return entry("drop_sequence", map("name", op.name()));
        }

        @Override
        public Map<String, Object> alterSequence(AlterSequence op) {
            return entry(
                    "alter_sequence",
                    map(
                            "name",
                            op.name(),
                            "from",
                            map("increment", op.fromIncrement()),
                            "to",
                            map("increment", op.toIncrement())));
        }

        @Override
        public Map<String, Object> execute(ExecuteSql op) {
            Map<String, Object> body = map("sql", op.sql());
            op.perDatabase().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> body.put(e.getKey(), e.getValue()));
            return entry("execute", body);
        }
    }

    private static Map<String, Object> table(Table table) {
        Map<String, Object> body = map(
                "name",
                table.name(),
                "columns",
                table.columns().stream().map(OperationCodec::column).toList());
        if (!table.uniqueConstraints().isEmpty()) {
            body.put(
                    "unique",
                    table.uniqueConstraints().stream()
                            .map(u -> map("name", u.name(), "columns", u.columns()))
                            .toList());
        }
        if (!table.foreignKeys().isEmpty()) {
            body.put(
                    "foreign_keys",
                    table.foreignKeys().stream().map(OperationCodec::foreignKey).toList());
        }
        if (!table.checkConstraints().isEmpty()) {
            body.put(
                    "checks",
                    table.checkConstraints().stream()
                            .map(c -> {
                                Map<String, Object> check = map("name", c.name());
                                check.putAll(checkCondition(c));
                                return check;
                            })
                            .toList());
        }
        return body;
    }

    /** A check's condition: its SQL, or the column and the values it may hold (numbers bare, strings quoted). */
    private static Map<String, Object> checkCondition(CheckConstraint check) {
        AllowedValues allowed = check.allowedValues();
        if (allowed == null) {
            return map("expression", check.expression());
        }
        List<Object> values = allowed.numeric()
                ? allowed.values().stream().map(OperationCodec::yamlNumber).toList()
                : List.copyOf(allowed.values());
        return map("column", allowed.column(), "values", values);
    }

    /** A number in plain decimal form as YAML writes it: an integer where it is whole. */
    private static Object yamlNumber(String number) {
        BigDecimal value = new BigDecimal(number);
        return value.scale() <= 0 ? (Object) value.longValueExact() : value;
    }

    private static Map<String, Object> column(Column column) {
        Map<String, Object> body =
                map("name", column.name(), "type", column.type().toString());
        if (column.primaryKey()) {
            body.put("primary_key", true);
        } else if (!column.nullable()) {
            body.put("nullable", false);
        }
        if (column.autoincrement()) {
            body.put("autoincrement", true);
        }
        if (column.serverDefault() != null) {
            body.put("server_default", column.serverDefault());
        }
        return body;
    }

    private static Map<String, Object> foreignKey(ForeignKey fk) {
        Map<String, Object> body = map(
                "name",
                fk.name(),
                "columns",
                fk.columns(),
                "references",
                fk.referredTable(),
                "referred_columns",
                fk.referredColumns());
        if (fk.onDelete() != null) {
            body.put("on_delete", fk.onDelete());
        }
        return body;
    }

    private static Map<String, Object> withTable(String table, Map<String, Object> body) {
        Map<String, Object> result = map("table", table);
        result.putAll(body);
        return result;
    }

    private static Map<String, Object> entry(String name, Map<String, Object> body) {
        return map(name, body);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    // ---- reading ----

    static Operation read(Object item, String where) {
        if (!(item instanceof Map<?, ?> entry) || entry.size() != 1) {
            throw new MigrationException(where + ": each operation must be a single key such as 'create_table:'");
        }
        String name = String.valueOf(entry.keySet().iterator().next());
        Fields f = new Fields(entry.values().iterator().next(), where + " " + name);
        Operation op =
                switch (name) {
                    case "create_table" -> new CreateTable(readTable(f));
                    case "drop_table" -> new DropTable(f.string("name"));
                    case "rename_table" -> new RenameTable(f.string("from"), f.string("to"));
                    case "add_column" -> new AddColumn(f.string("table"), readColumn(f.fields("column")));
                    case "drop_column" -> new DropColumn(f.string("table"), f.string("name"));
                    case "alter_column" -> readAlterColumn(f);
                    case "rename_column" -> new RenameColumn(f.string("table"), f.string("from"), f.string("to"));
                    case "create_index" -> new CreateIndex(readIndex(f));
                    case "drop_index" -> new DropIndex(f.string("name"), f.string("table"));
                    case "rename_index" -> new RenameIndex(f.string("table"), f.string("from"), f.string("to"));
                    case "create_foreign_key" -> new CreateForeignKey(f.string("table"), readForeignKey(f));
                    case "drop_foreign_key" -> new DropForeignKey(f.string("table"), f.string("name"));
                    case "create_unique_constraint" -> new CreateUniqueConstraint(
                            f.string("table"), new UniqueConstraint(f.string("name"), f.strings("columns")));
                    case "drop_unique_constraint" -> new DropUniqueConstraint(f.string("table"), f.string("name"));
                    case "create_check_constraint" -> new CreateCheckConstraint(f.string("table"), readCheck(f));
                    case "drop_check_constraint" -> new DropCheckConstraint(f.string("table"), f.string("name"));
                    case "create_sequence" -> readCreateSequence(f);
                    case "drop_sequence" -> new DropSequence(f.string("name"));
                    case "alter_sequence" -> readAlterSequence(f);
                    case "execute" -> readExecute(f);
                    default -> throw new MigrationException(where + ": unknown operation '" + name + "': use one of "
                            + String.join(", ", OPERATION_NAMES));
                };
        f.rejectUnknownKeys();
        return op;
    }

    private static Table readTable(Fields f) {
        List<Column> columns = f.list("columns").stream()
                .map(c -> readColumn(f.nested(c, "columns")))
                .toList();
        List<UniqueConstraint> uniques = f.optionalList("unique").stream()
                .map(u -> {
                    Fields uf = f.nested(u, "unique");
                    UniqueConstraint constraint = new UniqueConstraint(uf.string("name"), uf.strings("columns"));
                    uf.rejectUnknownKeys();
                    return constraint;
                })
                .toList();
        List<ForeignKey> fks = f.optionalList("foreign_keys").stream()
                .map(fk -> {
                    Fields ff = f.nested(fk, "foreign_keys");
                    ForeignKey key = readForeignKey(ff);
                    ff.rejectUnknownKeys();
                    return key;
                })
                .toList();
        List<CheckConstraint> checks = f.optionalList("checks").stream()
                .map(c -> {
                    Fields cf = f.nested(c, "checks");
                    CheckConstraint check = readCheck(cf);
                    cf.rejectUnknownKeys();
                    return check;
                })
                .toList();
        return new Table(f.string("name"), columns, uniques, fks, List.of(), checks);
    }

    /** An index on {@code columns} or on an {@code expression}, over every row or those {@code where} selects. */
    private static Index readIndex(Fields f) {
        String name = f.string("name");
        String expression = f.optionalString("expression");
        boolean hasColumns = f.has("columns");
        if ((expression == null) != hasColumns) {
            throw new MigrationException(
                    f.where + ": give either 'columns' or 'expression' (SQL) for index '" + name + "'");
        }
        return new Index(
                name,
                f.string("table"),
                hasColumns ? f.strings("columns") : List.of(),
                f.flag("unique", false),
                expression,
                f.optionalString("where"));
    }

    /** A check given by {@code expression}, or by {@code column} and {@code values}. */
    private static CheckConstraint readCheck(Fields f) {
        String name = f.string("name");
        String expression = f.optionalString("expression");
        String column = f.optionalString("column");
        List<?> values = f.optionalList("values");
        if ((expression == null) == (column == null) || (column == null) != values.isEmpty()) {
            String hint = f.typoHint("values") + f.typoHint("column") + f.typoHint("expression");
            throw new MigrationException(f.where + ": give either 'expression' (SQL), or 'column' and 'values'"
                    + " (the values it may hold), for check '" + name + "'" + hint);
        }
        if (expression != null) {
            return new CheckConstraint(name, expression);
        }
        boolean numeric = values.get(0) instanceof Number;
        for (Object value : values) {
            if (!(value instanceof Number || value instanceof String) || value instanceof Number != numeric) {
                throw new MigrationException(f.where + ": 'values' of check '" + name
                        + "' must be all numbers or all strings (quote a string that looks like a number), not "
                        + values);
            }
        }
        return CheckConstraint.allowing(
                name,
                new AllowedValues(column, values.stream().map(String::valueOf).toList(), numeric));
    }

    private static AlterColumn readAlterColumn(Fields f) {
        String name = f.string("name");
        return new AlterColumn(f.string("table"), readColumn(f.fields("from"), name), readColumn(f.fields("to"), name));
    }

    private static Column readColumn(Fields f) {
        return readColumn(f, f.string("name"));
    }

    private static Column readColumn(Fields f, String name) {
        boolean primaryKey = f.flag("primary_key", false);
        Column column = Column.of(name, f.type("type"))
                .withNullable(f.flag("nullable", !primaryKey))
                .withPrimaryKey(primaryKey)
                .withAutoincrement(f.flag("autoincrement", false))
                .withServerDefault(f.optionalString("server_default"));
        f.rejectUnknownKeys();
        return column;
    }

    private static ForeignKey readForeignKey(Fields f) {
        return new ForeignKey(
                f.string("name"),
                f.strings("columns"),
                f.string("references"),
                f.strings("referred_columns"),
                f.optionalString("on_delete"));
    }

    private static CreateSequence readCreateSequence(Fields f) {
        Sequence sequence = Sequence.of(f.string("name"), f.whole("start"), f.increment("increment"));
        String table = f.optionalString("table");
        String column = f.optionalString("column");
        if ((table == null) != (column == null)) {
            throw new MigrationException(
                    f.where + ": give both 'table' and 'column' (the key the sequence numbers), " + "or neither");
        }
        return new CreateSequence(table == null ? sequence : sequence.numbering(table, column));
    }

    private static AlterSequence readAlterSequence(Fields f) {
        String name = f.string("name");
        Fields from = f.fields("from");
        Fields to = f.fields("to");
        AlterSequence alter = new AlterSequence(name, from.increment("increment"), to.increment("increment"));
        from.rejectUnknownKeys();
        to.rejectUnknownKeys();
        return alter;
    }

    private static ExecuteSql readExecute(Fields f) {
        Map<String, String> variants = new LinkedHashMap<>();
        for (String database : ExecuteSql.VARIANT_KEYS) {
            String sql = f.optionalString(database);
            if (sql != null) {
                variants.put(database, sql);
            }
        }
        String sql = f.optionalString("sql");
        f.rejectUnknownKeys(); // a misspelt variant ('postgres') is named, not reported as missing
        if (sql == null && variants.isEmpty()) {
            throw new MigrationException(f.where + ": give 'sql', or a variant for each database it runs on ("
                    + String.join(", ", ExecuteSql.VARIANT_KEYS) + ")");
        }
        return new ExecuteSql(sql == null ? "" : sql, variants);
    }

    /** The keys of one operation's body, read with checks that name the file and the key. */
    private static final class Fields {
        /** Keys whose values are names of tables, columns, indexes or constraints. */
        private static final Set<String> NAME_KEYS = Set.of("name", "table", "from", "to", "references", "column");

        private final Map<?, ?> body;
        private final String where;
        private final Set<Object> seen = new HashSet<>();

        Fields(Object body, String where) {
            if (!(body instanceof Map<?, ?> map)) {
                throw new MigrationException(where + ": expected a mapping of keys");
            }
            this.body = map;
            this.where = where;
        }

        Fields nested(Object body, String key) {
            return new Fields(body, where + " " + key);
        }

        Fields fields(String key) {
            return nested(required(key), key);
        }

        String string(String key) {
            Object value = required(key);
            if (value instanceof Map || value instanceof List) {
                throw new MigrationException(where + ": '" + key + "' must be a single value");
            }
            String text = String.valueOf(value);
            if (NAME_KEYS.contains(key)) {
                requireIdentifier(key, text);
            }
            return text;
        }

        /** A table, column, index or constraint name every database keeps as written. */
        private void requireIdentifier(String key, String name) {
            if (!Identifiers.fits(name)) {
                throw new MigrationException(where + ": '" + key + "' "
                        + (name.isEmpty()
                                ? "is empty"
                                : "'" + name + "' is longer than " + Identifiers.MAX_BYTES + " bytes, which PostgreSQL "
                                        + "would cut and MySQL refuse")
                        + "; use a shorter name");
            }
        }

        String optionalString(String key) {
            return body.containsKey(key) && body.get(key) != null ? string(key) : mark(key);
        }

        ColumnType type(String key) {
            try {
                return ColumnType.parse(string(key));
            } catch (MigrationException e) {
                throw new MigrationException(where + ": " + e.getMessage());
            }
        }

        long whole(String key) {
            Object value = required(key);
            if (!(value instanceof Integer || value instanceof Long)) {
                throw new MigrationException(where + ": '" + key + "' must be a whole number");
            }
            return ((Number) value).longValue();
        }

        /** A sequence's increment: a whole number other than zero. */
        long increment(String key) {
            long value = whole(key);
            if (value == 0) {
                throw new MigrationException(where + ": '" + key + "' must not be 0");
            }
            return value;
        }

        boolean flag(String key, boolean fallback) {
            seen.add(key);
            Object value = body.get(key);
            if (value == null) {
                return fallback;
            }
            if (!(value instanceof Boolean b)) {
                throw new MigrationException(where + ": '" + key + "' must be true or false");
            }
            return b;
        }

        List<?> list(String key) {
            Object value = required(key);
            if (!(value instanceof List<?> list)) {
                throw new MigrationException(where + ": '" + key + "' must be a list");
            }
            return list;
        }

        boolean has(String key) {
            return body.containsKey(key);
        }

        List<?> optionalList(String key) {
            return body.containsKey(key) ? list(key) : List.of();
        }

        List<String> strings(String key) {
            List<String> values = new ArrayList<>();
            list(key).forEach(v -> values.add(String.valueOf(v)));
            values.forEach(name -> requireIdentifier(key, name)); // only lists of column names are read here
            return values;
        }

        void rejectUnknownKeys() {
            for (Object key : body.keySet()) {
                if (!seen.contains(key)) {
                    throw new MigrationException(where + ": unknown key '" + key + "'");
                }
            }
        }

        private Object required(String key) {
            seen.add(key);
            Object value = body.get(key);
            if (value == null) {
                throw new MigrationException(where + ": missing '" + key + "'" + typoHint(key));
            }
            return value;
        }

        /** Where a key missing is likely misspelt among those given ('tabel' for 'table'), says so. */
        String typoHint(String key) {
            return body.keySet().stream()
                    .map(String::valueOf)
                    .filter(given -> !seen.contains(given) && !given.equals(key) && closeTo(given, key))
                    .findFirst()
                    .map(given -> " (is '" + given + "' a misspelling of it?)")
                    .orElse("");
        }

        /** Whether two keys differ by at most two letters added, removed, replaced or swapped. */
        private static boolean closeTo(String a, String b) {
            int[][] d = new int[a.length() + 1][b.length() + 1];
            for (int i = 0; i <= a.length(); i++) {
                for (int j = 0; j <= b.length(); j++) {
                    if (i == 0 || j == 0) {
                        d[i][j] = i + j;
                        continue;
                    }
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                    if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                    }
                }
            }
            return d[a.length()][b.length()] <= 2;
        }

        private String mark(String key) {
            seen.add(key);
            return null;
        }
    }
}
