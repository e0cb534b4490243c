package microblog.migrate.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import microblog.migrate.Migrations;
import microblog.migrate.schema.Schema;
import microblog.migrate.schema.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tables autogenerate leaves alone ({@code exclude_tables} in migrate.yaml):
 * names, or patterns where {@code *} stands for any characters.
 */
public final class TableExclusions {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private final List<Pattern> patterns;
    private final List<String> spelled;

    public TableExclusions(List<String> patterns) {
        this.spelled = List.copyOf(patterns);
        this.patterns = patterns.stream().map(TableExclusions::glob).toList();
    }

    /** {@code legacy_*} as a pattern: {@code *} stands for any characters, all else for itself. */
    private static Pattern glob(String pattern) {
        List<String> parts = new ArrayList<>();
        for (String literal : pattern.split("\\*", -1)) {
            parts.add(Pattern.quote(literal));
        }
        return Pattern.compile(String.join(".*", parts));
    }

    boolean excludes(String table) {
        return patterns.stream().anyMatch(p -> p.matcher(table).matches());
    }

    /** {@code schema} without the excluded tables, and without the sequences whose names the patterns match. */
    public Schema apply(Schema schema) {
        return new Schema(
                schema.tables().stream().filter(t -> !excludes(t.name())).toList(),
                schema.sequences().stream().filter(s -> !excludes(s.name())).toList());
    }

    /** The models without the excluded tables, warning of each one a model maps: its changes go unseen. */
    public Schema applyToModels(Schema models) {
        for (Table table : models.tables()) {
            if (excludes(table.name())) {
                log.warn(
                        "Table '{}' is mapped by a model but matches exclude_tables {}: changes to it are not "
                                + "detected",
                        table.name(),
                        spelled);
            }
        }
        return apply(models);
    }
}
