package microblog.migrate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stored spellings below are what each database gave back for the same checks (read off the real servers). */
class AllowedValuesReaderTest {
    private static final AllowedValues STATUS = new AllowedValues("status", List.of("NEW", "PA'ID", "SHIPPED"), false);
    private static final AllowedValues RANK = new AllowedValues("rank", List.of("0", "1", "2"), true);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "status in ('NEW','PA''ID','SHIPPED')", // Hibernate, SQLite
                "((status)::text = ANY ((ARRAY['NEW'::character varying, 'PA''ID'::character varying, "
                        + "'SHIPPED'::character varying])::text[]))", // PostgreSQL
                "`status` in ('NEW','PA\\'ID','SHIPPED')", // MariaDB
                "\"status\" IN('NEW', 'PA''ID', 'SHIPPED')", // H2
                "\"STATUS\" IN ('SHIPPED', 'NEW', 'PA''ID')", // another order and letter case
            })
    void listsOfStringsReadAsTheValuesTheyAllow(String stored) {
        assertThat(AllowedValuesReader.read(stored))
                .hasValueSatisfying(v -> assertThat(v.sameAs(STATUS)).as(stored).isTrue());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "rank between 0 and 2", // Hibernate, SQLite
                "((rank >= 0) AND (rank <= 2))", // PostgreSQL
                "`rank` between 0 and 2", // MariaDB
                "\"rank\" BETWEEN 0 AND 2", // H2
                "((rank <= 2) AND (rank >= 0))",
                "rank = ANY (ARRAY[0, 1, 2])",
                "\"rank\" IN (0, 1, 2.0)",
            })
    void rangesAndListsOfNumbersReadAsTheValuesTheyAllow(String stored) {
        assertThat(AllowedValuesReader.read(stored))
                .hasValueSatisfying(v -> assertThat(v.sameAs(RANK)).as(stored).isTrue());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "karma >= 0",
                "status not in ('A')",
                "status in ('A') or status is null",
                "lower(status) in ('a')",
                "status in ('A', 1)",
                "a in ('x') and b in ('y')",
                "rank between 0 and 100000000",
                "rank between 0.5 and 2",
                "status in ('unterminated)",
            })
    void otherConditionsHaveNoAllowedValues(String condition) {
        assertThat(AllowedValuesReader.read(condition)).as(condition).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"(\"order\")::text = 'A'::text", "`order` = 'A'", "\"order\" IN ('A')"})
    void aSingleValueIsAnEquality(String stored) {
        assertThat(AllowedValuesReader.read(stored))
                .hasValueSatisfying(v -> assertThat(v.sameAs(new AllowedValues("order", List.of("A"), false)))
                        .isTrue());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "x in (-1, 0, 1)",
                "x between -1 and 1",
                "((x >= '-1'::integer) AND (x <= 1))",
                "(x = ANY (ARRAY['-1'::integer, 0, 1]))"
            })
    void negativeNumbers(String stored) {
        assertThat(AllowedValuesReader.read(stored).map(AllowedValues::values))
                .as(stored)
                .hasValue(List.of("-1", "0", "1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"enum ('NEW','PA''ID','SHIPPED')", "ENUM('NEW', 'PA\\'ID', 'SHIPPED')"})
    void mysqlEnumTypesListTheirValues(String sqlType) {
        assertThat(AllowedValuesReader.enumValues(sqlType)).hasValue(List.of("NEW", "PA'ID", "SHIPPED"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"varchar(255)", "enum", "enum (1, 2)", "set ('a')"})
    void otherTypesAreNoEnums(String sqlType) {
        assertThat(AllowedValuesReader.enumValues(sqlType)).isEmpty();
    }
}
