package microblog.migrate;

import microblog.db.url.DatabaseUrl;
import microblog.migrate.script.Revision;

/** Hears how {@link Migrations#testRevisions} goes while it runs, as a command line shows it step by step. */
public interface RevisionTestListener {
    /** Heeds nothing. */
    RevisionTestListener NONE = new RevisionTestListener() {};

    /** The scratch database is made; {@code revisions} revisions are to be tried on it. */
    default void started(DatabaseUrl scratch, int revisions) {}

    /** {@code revision} went up, down and up again, the schema after each step the one the revisions describe. */
    default void passed(Revision revision) {}
}
