package microblog.cli.command;

import java.io.PrintWriter;
import java.nio.file.FileSystems;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import microblog.migrate.Migrations;
import microblog.migrate.engine.RevisionTargets;
import microblog.migrate.runtime.AppliedRevisions;
import microblog.migrate.script.Revision;
import microblog.migrate.script.RevisionGraph;

/**
 * The commands that list revisions ({@code current}, {@code history}, {@code heads},
 * {@code branches}, {@code show}), printed as Alembic prints them. They read the revision
 * files and, for {@code current} and {@code history -i}, the database, without writing to it.
 */
final class RevisionListing {
    private final Migrations migrations;
    private final PrintWriter out;

    RevisionListing(Migrations migrations, PrintWriter out) {
        this.migrations = migrations;
        this.out = out;
    }

    /** Prints the revision(s) the database stands at; {@code verbose}, with their details and when each was applied. */
    void current(boolean verbose) {
        RevisionGraph graph = migrations.scripts().graph();
        DatabaseState state = readState(graph, verbose);
        List<String> heads = graph.heads();
        for (String id : RevisionTargets.known(graph, state.heads())) {
            if (verbose) {
                printDetails(graph.get(id), heads, state);
            } else {
                out.println(id + labels(graph, id) + (heads.contains(id) ? " (head)" : ""));
            }
        }
    }

    /** Where the database stands and what its record says, read without writing; empty for a missing SQLite file. */
    private record DatabaseState(
            Set<String> heads, Set<String> appliedIds, Map<String, AppliedRevisions.Applied> applied) {}

    /** Reads where the database stands; {@code withRecord}, also its record of applied revisions. */
    private DatabaseState readState(RevisionGraph graph, boolean withRecord) {
        Migrations.DatabaseStatus status =
                withRecord ? migrations.status() : new Migrations.DatabaseStatus(migrations.current(), Map.of());
        return new DatabaseState(status.current(), graph.ancestry(status.current()), status.record());
    }

    /**
     * Lists the revisions, newest first, or those in {@code range} ({@code FROM:TO}, either side
     * may be empty; null for all); {@code verbose}, with their details; {@code indicateCurrent},
     * marking those the database stands at and, with {@code verbose}, when each was applied.
     */
    void history(boolean verbose, boolean indicateCurrent, String range) {
        RevisionGraph graph = migrations.scripts().graph();
        DatabaseState state = indicateCurrent ? readState(graph, verbose) : null;
        List<String> heads = graph.heads();
        List<Revision> ordered = new ArrayList<>(graph.topologicalOrder());
        Collections.reverse(ordered);
        Map<String, Integer> children = new HashMap<>();
        ordered.forEach(r -> r.downRevisions().forEach(parent -> children.merge(parent, 1, Integer::sum)));
        if (range != null) {
            ordered.retainAll(RevisionTargets.inRange(graph, range));
        }
        for (Revision r : ordered) {
            if (verbose) {
                printDetails(r, heads, state);
                continue;
            }
            // As Alembic prints it: a merge's parents comma-separated, a branch point marked.
            String parents = r.downRevisions().isEmpty() ? "<base>" : String.join(", ", r.downRevisions());
            boolean branchpoint = children.getOrDefault(r.id(), 0) > 1;
            out.println(parents + " -> " + r.id() + labels(graph, r.id()) + (heads.contains(r.id()) ? " (head)" : "")
                    + (state != null && state.heads().contains(r.id()) ? " (current)" : "")
                    + (branchpoint ? " (branchpoint)" : "") + (r.isMerge() ? " (mergepoint)" : "") + ", "
                    + r.message());
        }
    }

    /**
     * Lists the branch points: revisions that more than one revision follows, with those that do;
     * {@code verbose}, with each branch point's details.
     */
    void branches(boolean verbose) {
        RevisionGraph graph = migrations.scripts().graph();
        List<String> heads = graph.heads();
        for (Revision r : graph.topologicalOrder()) {
            List<Revision> children = graph.topologicalOrder().stream()
                    .filter(c -> c.downRevisions().contains(r.id()))
                    .toList();
            if (children.size() > 1) {
                if (verbose) {
                    printDetails(r, heads, null);
                }
                out.println(r.id() + labels(graph, r.id()) + " (branchpoint)");
                children.forEach(c -> out.println("        -> " + c.id() + labels(graph, c.id())
                        + (heads.contains(c.id()) ? " (head)" : "") + ", " + c.message()));
            }
        }
    }

    /** Prints the heads; {@code verbose}, with their details. */
    void heads(boolean verbose) {
        RevisionGraph graph = migrations.scripts().graph();
        List<String> heads = graph.heads();
        for (String id : heads) {
            if (verbose) {
                printDetails(graph.get(id), heads, null);
            } else {
                out.println(id + labels(graph, id) + " (head)");
            }
        }
    }

    /** Describes one revision: its place in the history, its file, and its message. */
    void show(String name) {
        RevisionGraph graph = migrations.scripts().graph();
        List<String> heads = graph.heads();
        List<Revision> shown =
                switch (name) {
                    case "head" -> List.of(graph.get(RevisionTargets.requireHead(graph)));
                    case "heads" -> heads.stream().map(graph::get).toList();
                    default -> List.of(graph.resolve(name));
                };
        for (Revision r : shown) {
            printDetails(r, heads, null);
        }
    }

    /** One revision as {@code show} prints it; with {@code state}, whether and when it was applied. */
    private void printDetails(Revision r, List<String> heads, DatabaseState state) {
        out.println("Rev: " + r.id() + (heads.contains(r.id()) ? " (head)" : "")
                + (state != null && state.heads().contains(r.id()) ? " (current)" : ""));
        out.println("Parent: " + r.downRevisionText());
        if (!r.branchLabels().isEmpty()) {
            out.println("Branch names: " + String.join(", ", r.branchLabels()));
        }
        // A revision packaged in the application's jar is named by its URI (jar:file:...!/db/...).
        out.println("Path: "
                + (r.path().getFileSystem().equals(FileSystems.getDefault())
                        ? r.path().toAbsolutePath()
                        : r.path().toUri()));
        out.println();
        out.println("    " + r.message());
        out.println();
        out.println("    Revision ID: " + r.id());
        out.println("    Revises: " + String.join(", ", r.downRevisions()));
        out.println("    Create Date: " + r.createDate());
        out.println(
                "    Upgrade: " + r.upgrade().stream().map(op -> op.describe()).toList());
        out.println("    Downgrade: "
                + r.downgrade().stream().map(op -> op.describe()).toList());
        if (state != null) {
            AppliedRevisions.Applied applied = state.applied().get(r.id());
            out.println("    Applied: "
                    + (!state.appliedIds().contains(r.id())
                            ? "no"
                            : applied == null
                                    ? "yes, not recorded (db repair records it)"
                                    : applied.appliedAt()
                                            + (applied.durationMillis() == null
                                                    ? " (recorded without running it: stamp, repair or a SQL script)"
                                                    : ", in " + applied.durationMillis() + " ms")
                                            + (applied.tag() == null ? "" : ", tag " + applied.tag())));
        }
        out.println();
    }

    /** A revision's branch labels as Alembic prints them after its id: {@code " (shoppingcart)"}, or nothing. */
    private static String labels(RevisionGraph graph, String id) {
        List<String> labels = graph.branchLabelsOf(id);
        return labels.isEmpty() ? "" : " (" + String.join(", ", labels) + ")";
    }
}
