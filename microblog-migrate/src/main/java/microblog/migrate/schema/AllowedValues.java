package microblog.migrate.schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The meaning of a check that lets one column hold only listed values, as
 * Hibernate writes for an enum ({@code status in ('NEW','PAID')}, or
 * {@code rank between 0 and 2} by position) and for a single-table
 * discriminator. Each database stores such a check in its own words
 * (PostgreSQL as {@code = ANY (ARRAY[...])} with casts, MariaDB with back
 * quotes and backslash escapes), so checks of this kind are compared by the
 * values they allow, and a new enum constant or subclass is a change.
 *
 * @param column the column the check restricts
 * @param values the allowed values, as text (numbers in their plain decimal form)
 * @param numeric whether the values are numbers (written bare) rather than strings (written quoted)
 */
public record AllowedValues(String column, List<String> values, boolean numeric) {
    /** Ranges wider than this are left as they are written: no enum has that many constants. */
    private static final int MAX_RANGE = 10_000;

    public AllowedValues {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a check allowing no value for " + column);
        }
        if (numeric) {
            values = values.stream().map(AllowedValues::plainNumber).toList();
        }
    }

    /** The values {@code from} to {@code to}, both included. */
    static AllowedValues range(String column, BigDecimal from, BigDecimal to) {
        if (from.stripTrailingZeros().scale() > 0
                || to.stripTrailingZeros().scale() > 0
                || to.subtract(from).compareTo(BigDecimal.valueOf(MAX_RANGE)) > 0
                || to.compareTo(from) < 0) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (long v = from.longValueExact(); v <= to.longValueExact(); v++) {
            values.add(Long.toString(v));
        }
        return new AllowedValues(column, values, true);
    }

    /** Whether both allow the same values in the same column; order and the column's letter case do not count. */
    public boolean sameAs(AllowedValues other) {
        return column.equalsIgnoreCase(other.column)
                && numeric == other.numeric
                && valueSet().equals(other.valueSet());
    }

    /** This check on the column {@code table} calls by this name in any letter case, if it has one. */
    public AllowedValues onColumnOf(Table table) {
        return table.columns().stream()
                .filter(c -> c.name().equalsIgnoreCase(column))
                .findFirst()
                .map(c -> new AllowedValues(c.name(), values, numeric))
                .orElse(null);
    }

    /** The values added and removed from {@code before} to this, as a finding says it. */
    public String changeFrom(AllowedValues before) {
        Set<String> added = new TreeSet<>(valueSet());
        added.removeAll(before.valueSet());
        Set<String> removed = new TreeSet<>(before.valueSet());
        removed.removeAll(valueSet());
        StringBuilder change = new StringBuilder();
        if (!added.isEmpty()) {
            change.append("added ").append(added);
        }
        if (!removed.isEmpty()) {
            change.append(change.isEmpty() ? "" : ", ").append("removed ").append(removed);
        }
        return change.toString();
    }

    private Set<String> valueSet() {
        return new TreeSet<>(values);
    }

    private static String plainNumber(String value) {
        BigDecimal number = new BigDecimal(value.strip()).stripTrailingZeros();
        return number.scale() < 0 ? number.toBigIntegerExact().toString() : number.toPlainString();
    }

    @Override
    public String toString() {
        return column + " in " + values;
    }
}
