package microblog.migrate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortableDefaultTest {
    private static final ColumnType TEXT = ColumnType.string(20);

    @Test
    void postgresCastsGo() {
        assertThat(PortableDefault.of("'new'::character varying", TEXT)).isEqualTo("'new'");
        assertThat(PortableDefault.of("('it''s'::text)", TEXT)).isEqualTo("'it''s'");
        assertThat(PortableDefault.of("'-1'::integer", ColumnType.INTEGER)).isEqualTo("-1");
        assertThat(PortableDefault.of("'2020-01-31'::date", ColumnType.of(GenericType.DATE)))
                .isEqualTo("'2020-01-31'");
    }

    @Test
    void theClockIsCurrentTimestampEverywhere() {
        ColumnType dateTime = ColumnType.of(GenericType.DATE_TIME);
        assertThat(PortableDefault.of("current_timestamp(6)", dateTime)).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(PortableDefault.of("now()", dateTime)).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(PortableDefault.of("CURRENT_TIMESTAMP", dateTime)).isEqualTo("CURRENT_TIMESTAMP");
    }

    @Test
    void booleansAreWordsThatPostgresTakes() {
        ColumnType bool = ColumnType.of(GenericType.BOOLEAN);
        assertThat(PortableDefault.of("1", bool)).isEqualTo("true");
        assertThat(PortableDefault.of("0", bool)).isEqualTo("false");
        assertThat(PortableDefault.of("1", ColumnType.INTEGER))
                .as("a number stays a number")
                .isEqualTo("1");
    }

    @Test
    void expressionsKeepTheParenthesesSqliteNeeds() {
        assertThat(PortableDefault.of("(strftime('%s', 'now'))", ColumnType.INTEGER))
                .isEqualTo("(strftime('%s', 'now'))");
        assertThat(PortableDefault.of("(1) + (2)", ColumnType.INTEGER)).isEqualTo("(1) + (2)");
        assertThat(PortableDefault.of("(0)", ColumnType.INTEGER)).isEqualTo("0");
    }

    @Test
    void noDefaultIsNull() {
        assertThat(PortableDefault.of(null, TEXT)).isNull();
        assertThat(PortableDefault.of("NULL", TEXT))
                .as("MariaDB's word for none")
                .isNull();
        assertThat(PortableDefault.of("'NULL'", TEXT)).as("a string").isEqualTo("'NULL'");
    }
}
