package microblog.migrate.script;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import microblog.migrate.MigrationException;

/**
 * The history the revision files describe: each revision points at the ones it
 * follows. Answers which revisions are heads, how a name such as {@code head},
 * {@code -1} or an id prefix resolves, and which revisions an upgrade or a
 * downgrade must run, in order.
 */
public final class RevisionGraph {
    private final Map<String, Revision> revisions;
    private final Map<String, Revision> labelled; // by branch label

    public RevisionGraph(Collection<Revision> all) {
        Map<String, Revision> byId = new LinkedHashMap<>();
        for (Revision revision : all) {
            Revision clash = byId.put(revision.id(), revision);
            if (clash != null) {
                throw new MigrationException("revision " + revision.id() + " is defined twice: in "
                        + clash.path().getFileName() + " and " + revision.path().getFileName());
            }
        }
        for (Revision revision : byId.values()) {
            for (String parent : revision.downRevisions()) {
                if (!byId.containsKey(parent)) {
                    throw new MigrationException(
                            "revision " + revision.id() + " (" + revision.path().getFileName() + ") revises " + parent
                                    + ", which no file in versions/ defines");
                }
            }
        }
        this.revisions = byId;
        topologicalOrder(); // fails on a cycle
        this.labelled = labelIndex(byId);
    }

    private static Map<String, Revision> labelIndex(Map<String, Revision> byId) {
        Map<String, Revision> labelled = new LinkedHashMap<>();
        for (Revision revision : byId.values()) {
            for (String label : revision.branchLabels()) {
                Revision clash = labelled.put(label, revision);
                if (clash != null) {
                    throw new MigrationException("branch label '" + label + "' is given twice: by " + clash.id()
                            + " and by " + revision.id() + "; a label names one branch");
                }
                if (byId.containsKey(label)) {
                    throw new MigrationException("branch label '" + label + "' of revision " + revision.id()
                            + " is also a revision id: choose another label");
                }
            }
        }
        return labelled;
    }

    /** The revision that carries {@code label}, if any. */
    public Optional<Revision> labelled(String label) {
        return Optional.ofNullable(labelled.get(label));
    }

    /**
     * The labels of the branches {@code id} is on: its own, and those of every revision it
     * descends from, as Alembic shows them.
     */
    public List<String> branchLabelsOf(String id) {
        if (labelled.isEmpty()) {
            return List.of();
        }
        Set<String> ancestry = ancestry(List.of(id));
        return labelled.entrySet().stream()
                .filter(e -> ancestry.contains(e.getValue().id()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** {@code id} and every revision that descends from it. */
    public Set<String> descendants(String id) {
        Set<String> found = new LinkedHashSet<>(List.of(id));
        for (Revision revision : topologicalOrder()) { // parents come first, so one pass finds them all
            if (revision.downRevisions().stream().anyMatch(found::contains)) {
                found.add(revision.id());
            }
        }
        return found;
    }

    public boolean isEmpty() {
        return revisions.isEmpty();
    }

    public Revision get(String id) {
        return revisions.get(id);
    }

    /** Revisions that no other revision follows, newest history first. */
    public List<String> heads() {
        Set<String> parents = revisions.values().stream()
                .flatMap(r -> r.downRevisions().stream())
                .collect(Collectors.toSet());
        List<String> heads = new ArrayList<>();
        for (Revision r : topologicalOrder()) {
            if (!parents.contains(r.id())) {
                heads.add(r.id());
            }
        }
        return heads;
    }

    /** All revisions, each after the ones it follows. */
    public List<Revision> topologicalOrder() {
        List<Revision> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (String id : revisions.keySet()) {
            visit(id, done, visiting, ordered);
        }
        return ordered;
    }

    private void visit(String id, Set<String> done, Set<String> visiting, List<Revision> ordered) {
        if (done.contains(id)) {
            return;
        }
        if (!visiting.add(id)) {
            throw new MigrationException("revision " + id + " is its own ancestor: fix the down_revision cycle");
        }
        Revision revision = revisions.get(id);
        for (String parent : revision.downRevisions()) {
            visit(parent, done, visiting, ordered);
        }
        visiting.remove(id);
        done.add(id);
        ordered.add(revision);
    }

    /** {@code ids} and every revision they descend from. */
    public Set<String> ancestry(Collection<String> ids) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(ids);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) {
                todo.addAll(revisions.get(id).downRevisions());
            }
        }
        return seen;
    }

    /**
     * Resolves a full id, a branch label or a unique prefix of an id.
     *
     * @throws MigrationException naming the revision when it is unknown or ambiguous
     */
    public Revision resolve(String name) {
        Revision exact = revisions.get(name);
        if (exact != null) {
            return exact;
        }
        if (labelled.containsKey(name)) {
            return labelled.get(name);
        }
        List<Revision> matches =
                revisions.values().stream().filter(r -> r.id().startsWith(name)).toList();
        if (matches.isEmpty()) {
            throw new MigrationException("no revision '" + name + "' in this repository: 'db history' lists them");
        }
        if (matches.size() > 1) {
            throw new MigrationException("revision '" + name + "' is ambiguous: it could be "
                    + matches.stream().map(Revision::id).collect(Collectors.joining(", ")));
        }
        return matches.get(0);
    }

    /** The one head; fails when branches have left several. */
    public String singleHead() {
        List<String> heads = heads();
        if (heads.size() > 1) {
            throw new MigrationException("there are several heads (" + String.join(", ", heads)
                    + "): name one, use 'heads' for all, or merge them");
        }
        return heads.isEmpty() ? null : heads.get(0);
    }

    /** The revisions to run, oldest first, to go from {@code current} up to {@code targets}. */
    public List<Revision> upgradePath(Collection<String> current, Collection<String> targets) {
        Set<String> applied = ancestry(current);
        Set<String> wanted = ancestry(targets);
        return topologicalOrder().stream()
                .filter(r -> wanted.contains(r.id()) && !applied.contains(r.id()))
                .toList();
    }

    /** The revisions to undo, newest first, to go from {@code current} down to {@code targets}. */
    public List<Revision> downgradePath(Collection<String> current, Collection<String> targets) {
        Set<String> applied = ancestry(current);
        Set<String> kept = ancestry(targets);
        List<Revision> undo = new ArrayList<>(topologicalOrder().stream()
                .filter(r -> applied.contains(r.id()) && !kept.contains(r.id()))
                .toList());
        Collections.reverse(undo);
        return undo;
    }

    /** The heads left after {@code revision} is applied on top of {@code heads}. */
    public Set<String> headsAfterUpgrade(Set<String> heads, Revision revision) {
        Set<String> next = new LinkedHashSet<>(heads);
        next.removeAll(revision.downRevisions());
        next.add(revision.id());
        return next;
    }

    /** The heads left after {@code revision} is undone from {@code heads}. */
    public Set<String> headsAfterDowngrade(Set<String> heads, Revision revision) {
        Set<String> next = new LinkedHashSet<>(heads);
        next.remove(revision.id());
        Set<String> stillCovered = ancestry(next);
        for (String parent : revision.downRevisions()) {
            if (!stillCovered.contains(parent)) {
                next.add(parent);
            }
        }
        return next;
    }
}
