package microblog.migrate.diagram;

import java.util.List;
import microblog.migrate.schema.Column;
import microblog.migrate.schema.ColumnType;
import microblog.migrate.schema.ForeignKey;
import microblog.migrate.schema.GenericType;
import microblog.migrate.schema.Index;
import microblog.migrate.schema.Schema;
import microblog.migrate.schema.Table;
import microblog.migrate.schema.UniqueConstraint;

/** Schemas to draw: the chapter's two tables, and one with every kind of relation. */
final class DiagramSchemas {
    private DiagramSchemas() {}

    static Column id() {
        return Column.autoincrementKey("id", ColumnType.of(GenericType.INTEGER));
    }

    static Schema chapter() {
        Table user = new Table(
                "user",
                List.of(id(), Column.of("username", ColumnType.string(64)), Column.of("email", ColumnType.string(120))),
                List.of(),
                List.of(),
                List.of(new Index("ix_user_username", "user", List.of("username"), true)));
        Table post = new Table(
                "post",
                List.of(
                        id(),
                        Column.of("body", ColumnType.string(140)),
                        Column.of("user_id", ColumnType.of(GenericType.INTEGER))),
                List.of(),
                List.of(new ForeignKey("fk_post_user_id_user", List.of("user_id"), "user", List.of("id"), null)),
                List.of());
        return new Schema(List.of(user, post));
    }

    /**
     * A company's org chart: departments, employees in a required department with an optional
     * manager (a reference to their own table), each with at most one badge, and a price column
     * whose type Mermaid cannot spell as is.
     */
    static Schema orgChart() {
        Table department = new Table(
                "department",
                List.of(id(), Column.of("name", ColumnType.string(80)).notNull()),
                List.of(new UniqueConstraint("uq_department_name", List.of("name"))),
                List.of(),
                List.of());
        Table employee = new Table(
                "employee",
                List.of(
                        id(),
                        Column.of("department_id", ColumnType.of(GenericType.INTEGER))
                                .notNull(),
                        Column.of("manager_id", ColumnType.of(GenericType.INTEGER)),
                        Column.of("salary", ColumnType.numeric(10, 2))),
                List.of(),
                List.of(
                        new ForeignKey(
                                "fk_employee_department_id_department",
                                List.of("department_id"),
                                "department",
                                List.of("id"),
                                null),
                        new ForeignKey(
                                "fk_employee_manager_id_employee",
                                List.of("manager_id"),
                                "employee",
                                List.of("id"),
                                null)),
                List.of());
        Table badge = new Table(
                "badge",
                List.of(
                        id(),
                        Column.of("employee_id", ColumnType.of(GenericType.INTEGER))
                                .notNull(),
                        Column.of("code", ColumnType.string(16)).notNull()),
                List.of(new UniqueConstraint("uq_badge_employee_id", List.of("employee_id"))),
                List.of(new ForeignKey(
                        "fk_badge_employee_id_employee", List.of("employee_id"), "employee", List.of("id"), "CASCADE")),
                List.of());
        return new Schema(List.of(badge, employee, department));
    }
}
