package microblog.migrate.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import microblog.migrate.schema.CheckConstraint;
import org.junit.jupiter.api.Test;

class SqliteCheckConstraintsTest {
    @Test
    void namedChecksAreFoundWithTheirWholeExpression() {
        String sql = "CREATE TABLE \"member\" (\n    \"karma\" INTEGER CHECK (karma < 100),\n"
                + "    CONSTRAINT \"ck_member_karma\" CHECK (karma >= 0 AND (karma % 2) = 0),\n"
                + "    constraint ck_name check (name <> ')' AND length(name) > 1)\n)";
        assertThat(SqliteCheckConstraints.in(sql))
                .containsExactly(
                        new CheckConstraint("ck_member_karma", "karma >= 0 AND (karma % 2) = 0"),
                        new CheckConstraint("ck_name", "name <> ')' AND length(name) > 1"));
    }
}
