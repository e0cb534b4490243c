package microblog.migrate.diagram;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import microblog.migrate.schema.Column;
import microblog.migrate.schema.ForeignKey;
import microblog.migrate.schema.Schema;
import microblog.migrate.schema.Table;

/**
 * A schema drawn as a standalone SVG file: one box per table listing its columns, types and keys,
 * tables placed in columns so that a table stands right of the tables it refers to, and each
 * foreign key a curve from the referring column to the referred one, with crow's-foot ends.
 */
public final class SvgDiagram {
    private static final int FONT_SIZE = 12;
    private static final int CHAR_WIDTH = 8; // a little over what a 12px monospace font needs, so text never overflows
    private static final int HEADER = 26;
    private static final int ROW = 20;
    private static final int PADDING = 10;
    private static final int CELL_GAP = 16;
    private static final int MARGIN = 20;
    private static final int COLUMN_GAP = 90;
    private static final int ROW_GAP = 30;

    /** Where a table's box is, and how wide its cells are. */
    private record Box(Table table, int x, int y, int width, int nameWidth, int typeWidth) {
        int height() {
            return HEADER + ROW * table.columns().size();
        }

        int rowMiddle(String column) {
            int row = 0;
            for (int i = 0; i < table.columns().size(); i++) {
                if (table.columns().get(i).name().equals(column)) {
                    row = i;
                }
            }
            return y + HEADER + ROW * row + ROW / 2;
        }
    }

    private SvgDiagram() {}

    public static String render(Schema schema) {
        Map<String, Box> boxes = layOut(schema);
        int width =
                boxes.values().stream().mapToInt(b -> b.x() + b.width()).max().orElse(0) + MARGIN + COLUMN_GAP / 2;
        int height =
                boxes.values().stream().mapToInt(b -> b.y() + b.height()).max().orElse(0) + MARGIN;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" font-family=\"monospace\" font-size=\"%d\">\n",
                width,
                height,
                width,
                height,
                FONT_SIZE));
        svg.append("  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        for (Box box : boxes.values()) {
            for (ForeignKey fk : box.table().foreignKeys()) {
                Box referred = boxes.get(fk.referredTable());
                if (referred != null) {
                    relation(svg, box, fk, referred);
                }
            }
        }
        boxes.values().forEach(box -> table(svg, box));
        return svg.append("</svg>\n").toString();
    }

    /** Boxes in columns by depth: tables that refer to no other first, each referring table right of its referents. */
    private static Map<String, Box> layOut(Schema schema) {
        Map<String, Integer> depths = new LinkedHashMap<>();
        schema.tables().forEach(t -> depth(schema, t, depths, new HashSet<>()));
        int deepest = depths.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        Map<String, Box> boxes = new LinkedHashMap<>();
        int x = MARGIN;
        for (int depth = 0; depth <= deepest; depth++) {
            int y = MARGIN;
            int columnWidth = 0;
            for (Table table : schema.tables()) {
                if (depths.get(table.name()) == depth) {
                    Box box = sized(table, x, y);
                    boxes.put(table.name(), box);
                    y += box.height() + ROW_GAP;
                    columnWidth = Math.max(columnWidth, box.width());
                }
            }
            x += columnWidth + COLUMN_GAP;
        }
        return boxes;
    }

    private static int depth(Schema schema, Table table, Map<String, Integer> depths, Set<String> visiting) {
        Integer known = depths.get(table.name());
        if (known != null) {
            return known;
        }
        if (!visiting.add(table.name())) {
            return 0; // a cycle of references: any column will do
        }
        int depth = 0;
        for (ForeignKey fk : table.foreignKeys()) {
            if (!fk.referredTable().equals(table.name())) {
                int referred = schema.table(fk.referredTable())
                        .map(t -> depth(schema, t, depths, visiting))
                        .orElse(-1);
                depth = Math.max(depth, referred + 1);
            }
        }
        depths.put(table.name(), depth);
        return depth;
    }

    private static Box sized(Table table, int x, int y) {
        int nameChars = 0;
        int typeChars = 0;
        int keyChars = 0;
        for (Column column : table.columns()) {
            nameChars = Math.max(nameChars, column.name().length());
            typeChars = Math.max(typeChars, column.type().toString().length());
            keyChars = Math.max(
                    keyChars, String.join(",", SchemaFacts.keys(table, column)).length());
        }
        int cells = PADDING + (nameChars + typeChars + keyChars) * CHAR_WIDTH + 2 * CELL_GAP + PADDING;
        int width = Math.max(cells, 2 * PADDING + table.name().length() * CHAR_WIDTH);
        return new Box(table, x, y, width, nameChars * CHAR_WIDTH, typeChars * CHAR_WIDTH);
    }

    private static void table(StringBuilder svg, Box box) {
        svg.append(String.format(
                Locale.ROOT,
                "  <g>\n    <rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
                        + "fill=\"#ffffff\" stroke=\"#34495e\"/>\n",
                box.x(),
                box.y(),
                box.width(),
                box.height()));
        svg.append(String.format(
                Locale.ROOT,
                "    <rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#34495e\"/>\n",
                box.x(),
                box.y(),
                box.width(),
                HEADER));
        text(
                svg,
                box.x() + PADDING,
                box.y() + HEADER - 8,
                "#ffffff",
                "bold",
                box.table().name());
        int y = box.y() + HEADER;
        for (Column column : box.table().columns()) {
            int baseline = y + ROW - 6;
            text(svg, box.x() + PADDING, baseline, "#000000", column.primaryKey() ? "bold" : "normal", column.name());
            text(
                    svg,
                    box.x() + PADDING + box.nameWidth() + CELL_GAP,
                    baseline,
                    "#555555",
                    "normal",
                    column.type().toString());
            text(
                    svg,
                    box.x() + PADDING + box.nameWidth() + box.typeWidth() + 2 * CELL_GAP,
                    baseline,
                    "#8e44ad",
                    "normal",
                    String.join(",", SchemaFacts.keys(box.table(), column)));
            y += ROW;
        }
        svg.append("  </g>\n");
    }

    /** A curve from the referring column to the referred one, leaving and entering boxes on their facing sides. */
    private static void relation(StringBuilder svg, Box from, ForeignKey fk, Box to) {
        boolean sideBySide = to.x() < from.x();
        int startX = sideBySide ? from.x() : from.x() + from.width();
        int startDirection = sideBySide ? -1 : 1;
        int endX = to.x() + to.width();
        int startY = from.rowMiddle(fk.columns().get(0));
        int endY = to.rowMiddle(fk.referredColumns().get(0));
        int bend = sideBySide ? COLUMN_GAP / 2 : COLUMN_GAP / 2 + Math.abs(endY - startY) / 4;
        svg.append(String.format(
                Locale.ROOT,
                "  <path d=\"M %d %d C %d %d, %d %d, %d %d\" fill=\"none\" " + "stroke=\"#7f8c8d\"/>\n",
                startX,
                startY,
                startX + startDirection * bend,
                startY,
                endX + bend,
                endY,
                endX,
                endY));
        if (SchemaFacts.isUnique(from.table(), fk.columns())) {
            bar(svg, startX + startDirection * 8, startY);
        } else {
            crowsFoot(svg, startX, startY, startDirection);
        }
        bar(svg, endX + 8, endY);
        if (SchemaFacts.isOptional(from.table(), fk)) {
            svg.append(String.format(
                    Locale.ROOT,
                    "  <circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"white\" " + "stroke=\"#7f8c8d\"/>\n",
                    endX + 16,
                    endY));
        } else {
            bar(svg, endX + 13, endY);
        }
    }

    private static void bar(StringBuilder svg, int x, int y) {
        svg.append(String.format(Locale.ROOT, "  <path d=\"M %d %d V %d\" stroke=\"#7f8c8d\"/>\n", x, y - 6, y + 6));
    }

    private static void crowsFoot(StringBuilder svg, int x, int y, int direction) {
        int toe = x + direction * 12;
        svg.append(String.format(
                Locale.ROOT,
                "  <path d=\"M %d %d L %d %d L %d %d M %d %d L %d %d\" fill=\"none\" " + "stroke=\"#7f8c8d\"/>\n",
                x,
                y - 6,
                toe,
                y,
                x,
                y + 6,
                x,
                y,
                toe,
                y));
    }

    private static void text(StringBuilder svg, int x, int y, String fill, String weight, String content) {
        svg.append(String.format(
                Locale.ROOT,
                "    <text x=\"%d\" y=\"%d\" fill=\"%s\" font-weight=\"%s\">%s</text>\n",
                x,
                y,
                fill,
                weight,
                escape(content)));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
