package microblog.migrate;

import java.util.List;
import microblog.db.url.DatabaseUrl;
import microblog.migrate.script.Revision;

/**
 * What {@link Migrations#testRevisions} did: the scratch database it tried the revisions on
 * (dropped since), each revision it took up, down and up again, oldest first, and whether the
 * schema at head was then found to be what the entities map to (only when entities were given).
 *
 * @param sampleRows how many rows, at least, each empty table was given after every upgrade, so
 *     that the downgrades and the later revisions ran on rows
 */
public record RevisionTestResult(
        DatabaseUrl scratch, List<Revision> revisions, boolean matchesEntities, int sampleRows) {
    public RevisionTestResult {
        revisions = List.copyOf(revisions);
    }
}
