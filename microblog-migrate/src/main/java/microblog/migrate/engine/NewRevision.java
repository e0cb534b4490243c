package microblog.migrate.engine;

/**
 * What a command that writes a revision ({@code migrate}, {@code revision}, {@code merge}) is told
 * about it beyond its content: the message, and, where given, its id, a label for the branch it
 * starts, and the revision it builds on.
 *
 * @param revId       the id, or null for a random one ({@code --rev-id})
 * @param branchLabel a name for the branch it starts, or null ({@code --branch-label})
 * @param head        what it builds on: an id, {@code LABEL@head}, {@code base}; null for the head ({@code --head})
 * @param splice      whether {@code head} may be a revision that is not a head ({@code --splice})
 */
public record NewRevision(String message, String revId, String branchLabel, String head, boolean splice) {
    /** A revision with {@code message} (null for none), on the head, with a random id. */
    public static NewRevision withMessage(String message) {
        return new NewRevision(message, null, null, null, false);
    }

    public NewRevision withRevId(String id) {
        return new NewRevision(message, id, branchLabel, head, splice);
    }

    public NewRevision withBranchLabel(String label) {
        return new NewRevision(message, revId, label, head, splice);
    }

    /** Built on {@code revision}; {@code splice} allows one that is not a head, starting a branch. */
    public NewRevision on(String revision, boolean spliced) {
        return new NewRevision(message, revId, branchLabel, revision, spliced);
    }
}
