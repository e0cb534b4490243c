package microblog.db.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class IsoTextTimestampJdbcTypeTest {
    @Test
    void writesSqlalchemyStyleTextWithMicroseconds() {
        LocalDateTime t = LocalDateTime.of(2017, 12, 26, 5, 5, 5, 654_321_000);
        assertThat(IsoTextTimestampJdbcType.format(t)).isEqualTo("2017-12-26 05:05:05.654321");
    }

    @Test
    void readsTheFormsFoundInExistingDatabases() {
        assertThat(IsoTextTimestampJdbcType.parse("2017-12-26 05:05:05.654321"))
                .isEqualTo(LocalDateTime.of(2017, 12, 26, 5, 5, 5, 654_321_000));
        assertThat(IsoTextTimestampJdbcType.parse("2017-12-26T05:05:05"))
                .isEqualTo(LocalDateTime.of(2017, 12, 26, 5, 5, 5));
        assertThat(IsoTextTimestampJdbcType.parse("2017-12-26")).isEqualTo(LocalDateTime.of(2017, 12, 26, 0, 0));
        assertThat(IsoTextTimestampJdbcType.parse("0")).isEqualTo(LocalDateTime.of(1970, 1, 1, 0, 0));
    }
}
