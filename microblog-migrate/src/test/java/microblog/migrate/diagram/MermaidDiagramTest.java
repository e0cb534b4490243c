package microblog.migrate.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MermaidDiagramTest {
    @Test
    void theChaptersTablesWithTheirKeysAndTheirRelation() {
        assertThat(MermaidDiagram.render(DiagramSchemas.chapter()))
                .isEqualTo(
                        """
                erDiagram
                    user {
                        Integer id PK
                        String(64) username UK
                        String(120) email
                    }
                    post {
                        Integer id PK
                        String(140) body
                        Integer user_id FK
                    }
                    user |o--o{ post : "user_id"
                """);
    }

    @Test
    void requiredOneToOneAndSelfReferencesAndTypesMermaidCannotSpell() {
        String text = MermaidDiagram.render(DiagramSchemas.orgChart());
        assertThat(text)
                .contains(
                        "        Integer employee_id FK, UK\n",
                        "        String(80) name UK\n",
                        "        Numeric salary \"Numeric(10, 2)\"\n")
                .contains(
                        "    employee ||--o| badge : \"employee_id\"\n",
                        "    department ||--o{ employee : \"department_id\"\n",
                        "    employee |o--o{ employee : \"manager_id\"\n");
    }
}
