package microblog.migrate.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerDefaultsTest {
    @Test
    void eachDatabasesSpellingOfOneDefaultIsTheSame() {
        assertThat(ServerDefaults.same("'x'", "'x'::character varying")).isTrue();
        assertThat(ServerDefaults.same("'x'", "('x'::text)")).isTrue();
        assertThat(ServerDefaults.same("false", "0")).isTrue();
        assertThat(ServerDefaults.same("CURRENT_TIMESTAMP", "current_timestamp()"))
                .isTrue();
        assertThat(ServerDefaults.same("now()", "CURRENT_TIMESTAMP")).isTrue();
        assertThat(ServerDefaults.same(null, "NULL")).isTrue();
        assertThat(ServerDefaults.same("0", "(0)")).isTrue();
        assertThat(ServerDefaults.same("-1", "'-1'::integer")).isTrue();
        assertThat(ServerDefaults.same("-1.5", "'-1.5'::numeric")).isTrue();
        assertThat(ServerDefaults.same("CURRENT_TIMESTAMP", "current_timestamp(6)"))
                .as("MariaDB on a DATETIME(6)")
                .isTrue();
        assertThat(ServerDefaults.same("0", "0.00"))
                .as("MariaDB on a DECIMAL(10,2)")
                .isTrue();
        assertThat(ServerDefaults.same("1.5", "1.50")).isTrue();
    }

    @Test
    void realDifferencesStay() {
        assertThat(ServerDefaults.same("'x'", "'X'")).isFalse();
        assertThat(ServerDefaults.same("0", "1")).isFalse();
        assertThat(ServerDefaults.same(null, "0")).isFalse();
        assertThat(ServerDefaults.same("0", "0.01")).isFalse();
        assertThat(ServerDefaults.same("'0'", "'0.00'")).as("text is text").isFalse();
        assertThat(ServerDefaults.same("current_timestamp", "current_date")).isFalse();
    }
}
