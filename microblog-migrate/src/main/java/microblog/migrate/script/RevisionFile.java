package microblog.migrate.script;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import microblog.migrate.MigrationException;
import microblog.migrate.operations.AddColumn;
import microblog.migrate.operations.DataLossRisk;
import microblog.migrate.operations.Operation;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;

/**
 * Reads and writes revision files: YAML, so that a revision is data a reviewer
 * can read, edit by hand and apply with no build step in between.
 *
 * <p>Small mappings (a column, an index) are written on one line, the rest in
 * block style, so that a table reads as a list of its columns.
 */
public final class RevisionFile {
    private static final Pattern REVISION_ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");
    private static final Pattern BRANCH_LABEL = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final List<String> KEYS =
            List.of("revision", "down_revision", "branch_labels", "message", "create_date", "upgrade", "downgrade");

    private RevisionFile() {}

    public static Revision read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new MigrationException(
                    path + " is not UTF-8 text (a revision file is YAML): move it out of "
                            + "the versions directory, or save it as UTF-8",
                    e);
        } catch (IOException e) {
            throw new MigrationException("cannot read revision file " + path + ": " + e.getMessage(), e);
        }
        Object document;
        try {
            document = new Load(LoadSettings.builder().setLabel(path.toString()).build()).loadFromString(text);
        } catch (YamlEngineException e) {
            throw new MigrationException(
                    path + " is not valid YAML: " + e.getMessage().replace('\n', ' '), e);
        } catch (StackOverflowError e) {
            // The YAML reader recurses once per level and has no depth limit of its own.
            throw new MigrationException(
                    path + " is nested too deeply to read: a revision is a list of " + "operations a few levels deep",
                    e);
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new MigrationException(path + ": expected keys revision, down_revision, message, upgrade, downgrade");
        }
        String where = path.getFileName().toString();
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new MigrationException(where + ": unknown key '" + key + "': use " + String.join(", ", KEYS));
            }
        }
        Object id = map.get("revision");
        if (id == null) {
            throw new MigrationException(where + ": missing 'revision'");
        }
        requireText(where, "revision", id);
        if (!map.containsKey("down_revision")) { // else it would start a second history, reported as several heads
            throw new MigrationException(where + ": missing 'down_revision': write the id of the revision it follows, "
                    + "or null for the first revision");
        }
        List<String> parents = downRevisions(where, map.get("down_revision"));
        requireRevisionId(where, "revision", String.valueOf(id));
        parents.forEach(parent -> requireRevisionId(where, "down_revision", parent));
        return new Revision(
                String.valueOf(id),
                parents,
                map.get("message") == null ? "" : String.valueOf(map.get("message")),
                map.get("create_date") == null ? "" : String.valueOf(map.get("create_date")),
                operations(map.get("upgrade"), where + " upgrade"),
                operations(map.get("downgrade"), where + " downgrade"),
                path,
                branchLabels(where, map.get("branch_labels")));
    }

    private static List<String> branchLabels(String where, Object value) {
        if (value == null) {
            return List.of();
        }
        List<?> labels = value instanceof List<?> list ? list : List.of(value);
        for (Object label : labels) {
            requireBranchLabel(where + ": branch_labels", String.valueOf(label));
        }
        return labels.stream().map(String::valueOf).toList();
    }

    /**
     * A branch label is typed in targets such as {@code NAME@head}: a letter, then letters,
     * digits, '_' or '-'; never a word a target already means.
     */
    public static void requireBranchLabel(String where, String label) {
        if (!BRANCH_LABEL.matcher(label).matches()
                || List.of("head", "heads", "base", "current").contains(label)) {
            throw new MigrationException(where + " '" + label + "' is not a branch label: use a letter, then up to "
                    + "63 letters, digits, '_' or '-' (and not head, heads, base or current)");
        }
    }

    /**
     * A revision id goes into the version table's VARCHAR(32) on every
     * database, and into SQL and file names: letters, digits, '_', '-' and '.'.
     */
    private static void requireRevisionId(String where, String key, String id) {
        if (!isRevisionId(id)) {
            throw new MigrationException(where + ": " + key + " '" + id + "' is not a revision id: use 1 to 32 "
                    + "letters, digits, '_', '-' or '.' (the version table holds 32)");
        }
    }

    /** Whether {@code id} can be a revision id (see {@link #read}). */
    public static boolean isRevisionId(String id) {
        return REVISION_ID.matcher(id).matches();
    }

    private static List<String> downRevisions(String where, Object value) {
        if (value == null) {
            return List.of();
        }
        List<?> ids = value instanceof List<?> list ? list : List.of(value);
        ids.forEach(id -> requireText(where, "down_revision", id));
        return ids.stream().map(String::valueOf).toList();
    }

    /** YAML reads 1234567e8901 as a number (infinity), which would change the id: such an id must be quoted. */
    private static void requireText(String where, String key, Object value) {
        if (!(value instanceof String || value instanceof Integer || value instanceof Long)) {
            throw new MigrationException(where + ": " + key + " " + value + " is read as a number, not as an id: "
                    + "quote it, as in " + key + ": '...'");
        }
    }

    private static List<Operation> operations(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new MigrationException(where + ": expected a list of operations");
        }
        List<Operation> operations = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            operations.add(OperationCodec.read(list.get(i), where + " #" + (i + 1)));
        }
        return operations;
    }

    /** The file's text: a comment header for reviewers, then the revision as YAML. */
    public static String render(Revision revision) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("revision", revision.id());
        document.put(
                "down_revision",
                switch (revision.downRevisions().size()) {
                    case 0 -> null;
                    case 1 -> revision.downRevisions().get(0);
                    default -> revision.downRevisions();
                });
        if (!revision.branchLabels().isEmpty()) {
            document.put("branch_labels", revision.branchLabels());
        }
        document.put("message", revision.message());
        document.put("create_date", revision.createDate());
        document.put(
                "upgrade",
                revision.upgrade().stream().map(OperationCodec::write).toList());
        document.put(
                "downgrade",
                revision.downgrade().stream().map(OperationCodec::write).toList());

        // No anchors: two empty lists must stay two lists, or filling one in by hand would fill both.
        DumpSettings settings = DumpSettings.builder()
                .setDereferenceAliases(true)
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setWidth(200)
                .setIndent(2)
                .setIndicatorIndent(2)
                .setIndentWithIndicator(true)
                .build();
        Node root = new StandardRepresenter(settings).represent(document);
        flowSmallCollections(root, 0);
        StringWriter out = new StringWriter();
        new Dump(settings).dumpNode(root, new StreamDataWriter() {
            @Override
            public void write(String str) {
                out.write(str);
            }

            @Override
            public void write(String str, int off, int len) {
                out.write(str, off, len);
            }
        });
        return header(revision) + out;
    }

    private static String header(Revision revision) {
        return "# " + revision.message().replace("\n", "\n# ") + "\n#\n"
                + "# Revision ID: " + revision.id() + "\n"
                + "# Revises: " + String.join(", ", revision.downRevisions()) + "\n"
                + "# Create Date: " + revision.createDate() + "\n#\n"
                + "# Review it, and adjust it if needed: it is applied as written.\n"
                + reviewNotes("upgrade", revision.upgrade()) + reviewNotes("downgrade", revision.downgrade());
    }

    /**
     * Header lines naming the steps a reviewer must look at first: those that
     * can destroy data, and NOT NULL columns added with nothing to fill them.
     */
    private static String reviewNotes(String direction, List<Operation> operations) {
        StringBuilder notes = new StringBuilder();
        for (Operation op : operations) {
            DataLossRisk.of(op).ifPresent(risk -> notes.append("# Data loss: the ")
                    .append(direction)
                    .append(" ")
                    .append(risk)
                    .append(" (refused where it destroys data, unless run with --accept-data-loss)\n"));
            if (op instanceof AddColumn add
                    && !add.column().nullable()
                    && add.column().serverDefault() == null) {
                notes.append("# Check: the ")
                        .append(direction)
                        .append(" adds NOT NULL column '")
                        .append(add.table())
                        .append(".")
                        .append(add.column().name())
                        .append("' with no server default, which fails on a " + "table with rows\n");
            }
        }
        return notes.toString();
    }

    /**
     * A fingerprint of what the revision does: SHA-256 of its upgrade and
     * downgrade operations in one canonical form, so that comments, spacing
     * or key order edited by hand do not change it, and any change to what
     * runs does.
     */
    public static String checksum(Revision revision) {
        Map<String, Object> operations = new LinkedHashMap<>();
        operations.put(
                "upgrade",
                revision.upgrade().stream().map(OperationCodec::write).toList());
        operations.put(
                "downgrade",
                revision.downgrade().stream().map(OperationCodec::write).toList());
        // Settings made per call: they hold the anchor generator, whose count would otherwise carry
        // from one revision to the next and change the text, hence the checksum, of a repeated node.
        String canonical = new Dump(DumpSettings.builder()
                        .setDefaultFlowStyle(FlowStyle.FLOW)
                        .build())
                .dumpToString(operations);
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Writes a mapping or list on one line when it holds only scalars and scalar lists. */
    private static boolean flowSmallCollections(Node node, int depth) {
        boolean simple = true;
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                Node value = tuple.getValueNode();
                boolean childFlat = flowSmallCollections(value, depth + 1);
                simple &= value instanceof ScalarNode || (value instanceof SequenceNode && childFlat);
            }
            if (simple && depth > 2) {
                mapping.setFlowStyle(FlowStyle.FLOW);
            }
            return false;
        }
        if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                flowSmallCollections(item, depth + 1);
                simple &= item instanceof ScalarNode;
            }
            if (simple) {
                sequence.setFlowStyle(FlowStyle.FLOW);
            }
            return simple;
        }
        return true;
    }
}
