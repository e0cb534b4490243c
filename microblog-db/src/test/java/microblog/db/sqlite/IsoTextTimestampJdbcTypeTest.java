package microblog.db.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
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

    @Test
    void readsEveryFractionLengthAndTheOtherShapesAsTheFormatterDoes() {
        assertThat(IsoTextTimestampJdbcType.parse("2017-12-26 05:05:05.6"))
                .isEqualTo(LocalDateTime.of(2017, 12, 26, 5, 5, 5, 600_000_000));
        assertThat(IsoTextTimestampJdbcType.parse("2017-12-26 05:05:05.123456789"))
                .isEqualTo(LocalDateTime.of(2017, 12, 26, 5, 5, 5, 123_456_789));
        assertThat(IsoTextTimestampJdbcType.parse("2024-02-29T23:59:59.000001"))
                .isEqualTo(LocalDateTime.of(2024, 2, 29, 23, 59, 59, 1_000));
        assertThat(IsoTextTimestampJdbcType.parse("1700000000000"))
                .isEqualTo(LocalDateTime.of(2023, 11, 14, 22, 13, 20));
    }

    @Test
    void refusesDatesThatDoNotExist() {
        assertThatThrownBy(() -> IsoTextTimestampJdbcType.parse("2023-02-29 10:00:00"))
                .isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> IsoTextTimestampJdbcType.parse("2023-01-01 24:00:00"))
                .isInstanceOf(DateTimeException.class);
    }
}
