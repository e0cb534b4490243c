package microblog.migrate.operations;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import microblog.db.url.DatabaseKind;
import microblog.migrate.MigrationException;
import microblog.migrate.schema.Schema;

/**
 * Runs SQL written by hand: {@code sql} everywhere, or the variant in
 * {@code perDatabase} keyed by the database's name in {@link #VARIANT_KEYS}
 * ({@code sqlite}, {@code postgresql}, {@code mysql}, {@code h2}). A database
 * with neither is refused before the revision runs.
 *
 * <p>It has no inverse. What the SQL did (an UPDATE, a trigger, DDL no other
 * operation says) is known only to its author, who writes the SQL that undoes
 * it under the revision's {@code downgrade}; that list is the one place a
 * revision says how it is undone, so this operation carries no second one.
 * Autogenerate never writes it.
 */
public record ExecuteSql(String sql, Map<String, String> perDatabase) implements Operation {
    /** The keys of the variants: one per database the migrations speak, so none can be left out. */
    public static final List<String> VARIANT_KEYS = Arrays.stream(DatabaseKind.values())
            .map(kind -> kind.name().toLowerCase(Locale.ROOT))
            .toList();

    public ExecuteSql {
        perDatabase = Map.copyOf(perDatabase);
    }

    /** The SQL to run on the database {@code key} names; empty if the revision gives none for it. */
    public Optional<String> sqlFor(String key) {
        String variant = perDatabase.getOrDefault(key, sql);
        return variant == null || variant.isBlank() ? Optional.empty() : Optional.of(variant);
    }

    /** Refused: see the class comment. */
    @Override
    public List<Operation> inverse(Schema before) {
        throw new MigrationException("execute has no inverse that can be worked out: what hand-written SQL did "
                + "is known only to its author; write the SQL that undoes it under the revision's downgrade");
    }

    @Override
    public String describe() {
        return "execute";
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.execute(this);
    }
}
