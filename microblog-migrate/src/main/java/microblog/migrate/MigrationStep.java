package microblog.migrate;

import java.time.Duration;
import java.util.Locale;
import microblog.migrate.script.Revision;

/** One revision run by an upgrade or a downgrade, and how long it took (its checks included). */
public record MigrationStep(Revision revision, Direction direction, Duration duration) {

    public enum Direction {
        UPGRADE,
        DOWNGRADE
    }

    @Override
    public String toString() {
        return direction.name().toLowerCase(Locale.ROOT) + " " + revision.id() + " (" + revision.message() + ") in "
                + duration.toMillis() + " ms";
    }
}
