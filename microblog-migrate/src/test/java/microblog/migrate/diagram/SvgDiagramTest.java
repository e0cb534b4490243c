package microblog.migrate.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import microblog.migrate.schema.Schema;
import microblog.migrate.schema.Table;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgDiagramTest {
    @Test
    void aWellFormedPictureWithEveryTableColumnAndRelation() throws Exception {
        Document svg = parse(SvgDiagram.render(DiagramSchemas.orgChart()));
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        List<String> texts = texts(svg);
        assertThat(texts)
                .contains(
                        "department",
                        "employee",
                        "badge",
                        "department_id",
                        "manager_id",
                        "salary",
                        "Numeric(10, 2)",
                        "String(80)",
                        "PK",
                        "FK,UK");
        List<Element> curves = elements(svg, "path").stream()
                .filter(p -> p.getAttribute("d").contains(" C "))
                .toList();
        assertThat(curves).as("one curve per foreign key").hasSize(3);
    }

    @Test
    void referringTablesStandRightOfTheTablesTheyReferToAndBoxesNeverOverlap() throws Exception {
        Document svg = parse(SvgDiagram.render(DiagramSchemas.orgChart()));
        Map<String, int[]> boxes = new TreeMap<>(); // table name -> x, y, width, height of its outline
        List<Element> rects = elements(svg, "rect").stream()
                .filter(r -> "#34495e".equals(r.getAttribute("stroke")))
                .toList();
        List<String> titles = elements(svg, "text").stream()
                .filter(t -> "bold".equals(t.getAttribute("font-weight")) && "#ffffff".equals(t.getAttribute("fill")))
                .map(Element::getTextContent)
                .toList();
        for (int i = 0; i < rects.size(); i++) {
            Element r = rects.get(i);
            boxes.put(
                    titles.get(i), new int[] {number(r, "x"), number(r, "y"), number(r, "width"), number(r, "height")});
        }
        assertThat(boxes).containsOnlyKeys("department", "employee", "badge");
        assertThat(boxes.get("department")[0]).isLessThan(boxes.get("employee")[0]);
        assertThat(boxes.get("employee")[0]).isLessThan(boxes.get("badge")[0]);
        List<int[]> all = new ArrayList<>(boxes.values());
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                assertThat(overlap(all.get(i), all.get(j))).isFalse();
            }
        }
        int width = number(svg.getDocumentElement(), "width");
        assertThat(all).allSatisfy(b -> assertThat(b[0] + b[2]).isLessThan(width));
    }

    @Test
    void namesAreEscaped() throws Exception {
        String svg = SvgDiagram.render(
                new Schema(List.of(new Table("a<b&c", List.of(DiagramSchemas.id()), List.of(), List.of(), List.of()))));
        assertThat(texts(parse(svg))).contains("a<b&c");
    }

    private static boolean overlap(int[] a, int[] b) {
        return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
    }

    private static int number(Element element, String attribute) {
        return Integer.parseInt(element.getAttribute(attribute));
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document document, String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static List<String> texts(Document document) {
        return elements(document, "text").stream().map(Element::getTextContent).toList();
    }
}
