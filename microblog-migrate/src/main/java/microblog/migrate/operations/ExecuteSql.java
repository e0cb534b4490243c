package microblog.migrate.operations;

import java.util.Map;

/**
 * Runs SQL written by hand: {@code sql} everywhere, or the variant in
 * {@code perDatabase} keyed by {@code sqlite}, {@code postgresql} or {@code mysql}.
 */
public record ExecuteSql(String sql, Map<String, String> perDatabase) implements Operation {
    public ExecuteSql {
        perDatabase = Map.copyOf(perDatabase);
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
