package microblog.migrate.engine;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import microblog.migrate.MigrationException;
import microblog.migrate.script.Revision;
import microblog.migrate.script.RevisionGraph;
import microblog.migrate.script.ScriptDirectory;

/**
 * Resolves the revision names users type ({@code head}, {@code heads},
 * {@code base}, {@code +N}, {@code -N}, ids and id prefixes, branch labels,
 * {@code LABEL@head} and {@code LABEL@base}, {@code FROM:TO} ranges for
 * offline SQL and history) against the revision graph, and to their files.
 */
public final class RevisionTargets {
    private RevisionTargets() {}

    public static String requireHead(RevisionGraph graph) {
        String head = graph.singleHead();
        if (head == null) {
            throw new MigrationException("there are no revisions yet: run 'db migrate -m MESSAGE' first");
        }
        return head;
    }

    /** Resolves an upgrade or stamp target to the heads it names. */
    public static Set<String> heads(RevisionGraph graph, String spec, Set<String> current) {
        if (spec.equals("base")) {
            return Set.of();
        }
        if (spec.equals("heads")) {
            return new LinkedHashSet<>(graph.heads());
        }
        if (spec.equals("head")) {
            return Set.of(requireHead(graph));
        }
        if (spec.endsWith("@head")) {
            return Set.of(branchHead(graph, spec.substring(0, spec.length() - "@head".length())));
        }
        if (spec.endsWith("@base")) {
            throw new MigrationException(spec + " names where a branch starts: use it with 'db downgrade'");
        }
        if (spec.matches("\\+\\d+")) {
            String at = current.isEmpty() ? null : single(current, "+N");
            List<Revision> ahead = graph.upgradePath(at == null ? Set.of() : Set.of(at), Set.of(requireHead(graph)));
            int steps = Integer.parseInt(spec.substring(1));
            if (steps > ahead.size()) {
                throw new MigrationException(
                        "cannot upgrade " + steps + " revision(s): only " + ahead.size() + " pending");
            }
            return steps == 0 ? current : Set.of(ahead.get(steps - 1).id());
        }
        return Set.of(graph.resolve(spec).id());
    }

    public static List<Revision> downgradePath(RevisionGraph graph, Set<String> current, String spec) {
        if (spec.matches("\\+\\d+")) {
            throw new MigrationException("downgrade goes back: give -" + spec.substring(1) + ", not " + spec
                    + " (or use 'db upgrade " + spec + "')");
        }
        if (spec.matches("-\\d+")) {
            int steps = Integer.parseInt(spec.substring(1));
            if (current.isEmpty()) {
                throw new MigrationException("cannot downgrade: the database is already at base");
            }
            if (current.size() > 1) {
                throw new MigrationException("the database stands at " + current.size() + " heads ("
                        + describe(current) + "): downgrade " + spec + " would not know which branch to go back on; "
                        + "name the revision to go back to, or LABEL@base for a labelled branch");
            }
            List<Revision> applied = graph.downgradePath(current, Set.of());
            if (steps > applied.size()) {
                throw new MigrationException(
                        "cannot downgrade " + steps + " revision(s): only " + applied.size() + " applied");
            }
            return applied.subList(0, steps);
        }
        if (spec.endsWith("@base")) {
            return withoutBranch(graph, current, spec.substring(0, spec.length() - "@base".length()));
        }
        Set<String> goal = heads(graph, spec, current);
        if (!graph.ancestry(current).containsAll(goal)) {
            throw new MigrationException("revision " + String.join(", ", goal)
                    + " is not below the database's current revision " + describe(current) + ": use 'db upgrade'");
        }
        if (spec.equals("base")) {
            return graph.downgradePath(current, goal);
        }
        return undoDescendants(graph, current, goal);
    }

    /**
     * Undoes what was built on {@code goal}, and nothing else: revisions on other branches, which
     * do not descend from it, stay applied, as Alembic leaves them.
     */
    private static List<Revision> undoDescendants(RevisionGraph graph, Set<String> current, Set<String> goal) {
        Set<String> above = new LinkedHashSet<>();
        goal.forEach(target -> above.addAll(graph.descendants(target)));
        above.removeAll(goal);
        return undo(graph, current, above);
    }

    /** Undoes the applied revisions among {@code undone}, newest first; {@code undone} holds all that build on them. */
    private static List<Revision> undo(RevisionGraph graph, Set<String> current, Set<String> undone) {
        Set<String> kept = new LinkedHashSet<>(graph.ancestry(current));
        kept.removeAll(undone);
        return graph.downgradePath(current, kept); // kept holds every ancestor of what it holds
    }

    /**
     * An upgrade to a revision the database has already passed would do nothing: it is a
     * mistake for a downgrade, or a reversed range, and is said so, as Alembic does.
     */
    public static void requireNotBelow(RevisionGraph graph, Set<String> current, Set<String> target) {
        if (target.isEmpty() && !current.isEmpty()) {
            throw new MigrationException("base is below " + (current.size() == 1 ? "the revision " : "the revisions ")
                    + describe(current) + " already reached: to go back to it, use 'db downgrade base'");
        }
        Set<String> passed = new LinkedHashSet<>(target);
        passed.removeAll(current);
        if (!passed.isEmpty() && graph.ancestry(current).containsAll(passed)) {
            throw new MigrationException("revision " + String.join(", ", passed) + " is below "
                    + (current.size() == 1 ? "the revision " : "the revisions ") + describe(current)
                    + " already reached: to go back to it, use 'db downgrade " + String.join(" ", passed) + "'");
        }
    }

    /** The one head that descends from the revision {@code branch} names (a label, an id or a prefix). */
    private static String branchHead(RevisionGraph graph, String branch) {
        Revision start = graph.resolve(branch);
        Set<String> onBranch = graph.descendants(start.id());
        List<String> heads = graph.heads().stream().filter(onBranch::contains).toList();
        if (heads.size() > 1) {
            throw new MigrationException(branch + "@head is ambiguous: the branch from " + start.id()
                    + " has several heads (" + String.join(", ", heads) + "); name one, or merge them");
        }
        return heads.get(0);
    }

    /** Undoes the revision {@code branch} names and everything built on it, newest first. */
    private static List<Revision> withoutBranch(RevisionGraph graph, Set<String> current, String branch) {
        return undo(graph, current, graph.descendants(graph.resolve(branch).id()));
    }

    /** The heads recorded in the database, checked against the repository. */
    public static Set<String> known(RevisionGraph graph, Set<String> recorded) {
        List<String> unknown =
                recorded.stream().filter(id -> graph.get(id) == null).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new MigrationException("the database is at " + (unknown.size() == 1 ? "revision " : "revisions ")
                    + String.join(", ", unknown) + ", which no file in versions/ defines: restore "
                    + (unknown.size() == 1 ? "that file" : "those files") + ", or, if another project's "
                    + "migrations made this database, run 'db stamp head' to adopt it (it checks the schema first)");
        }
        return recorded;
    }

    private static String single(Set<String> heads, String what) {
        if (heads.size() != 1) {
            throw new MigrationException(
                    "relative target " + what + " needs one current revision, not " + String.join(", ", heads));
        }
        return heads.iterator().next();
    }

    /** {@code FROM:TO} as {FROM, TO}; a plain target as {null, TARGET}. */
    public static String[] range(String spec) {
        int colon = spec.indexOf(':');
        return colon < 0
                ? new String[] {null, spec}
                : new String[] {spec.substring(0, colon), spec.substring(colon + 1)};
    }

    /** The revisions from FROM (inclusive) up to TO, for {@code history -r FROM:TO} (either side may be empty). */
    public static List<Revision> inRange(RevisionGraph graph, String range) {
        int colon = range.indexOf(':');
        if (colon < 0) {
            throw new MigrationException("-r takes a range FROM:TO, such as base:head or 21d81fd5534f:");
        }
        String from = range.substring(0, colon);
        String to = range.substring(colon + 1);
        Set<String> upper = to.isEmpty() || to.equals("heads") || to.equals("head")
                ? new LinkedHashSet<>(graph.heads())
                : Set.of(graph.resolve(to).id());
        String lower = from.isEmpty() || from.equals("base")
                ? null
                : graph.resolve(from).id();
        return graph.ancestry(upper).stream()
                .map(graph::get)
                .filter(r -> lower == null || graph.ancestry(List.of(r.id())).contains(lower))
                .toList();
    }

    /**
     * The file of revision {@code name} (null or {@code head}: the head); when a broken file (a
     * mistake made in the editor, say) keeps the history from being read, the file whose name
     * starts with the id given, so that {@code edit} can still repair it.
     */
    public static Path fileOf(ScriptDirectory scripts, String name) {
        try {
            RevisionGraph graph = scripts.graph();
            return (name == null || name.equals("head") ? graph.get(requireHead(graph)) : graph.resolve(name)).path();
        } catch (MigrationException unreadable) {
            List<Path> named = name == null
                    ? List.of()
                    : scripts.revisionFiles().stream()
                            .filter(p -> p.getFileName().toString().startsWith(name))
                            .toList();
            if (named.size() != 1) {
                throw unreadable;
            }
            return named.get(0);
        }
    }

    private static String describe(Set<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }
}
