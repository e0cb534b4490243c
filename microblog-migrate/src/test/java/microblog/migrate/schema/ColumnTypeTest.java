package microblog.migrate.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import microblog.db.url.DatabaseKind;
import microblog.migrate.MigrationException;
import microblog.migrate.ddl.DdlRenderer;
import org.junit.jupiter.api.Test;

class ColumnTypeTest {
    @Test
    void aDateTimeWithTimeZoneIsSpelledAsSqlAlchemySpellsIt() {
        ColumnType instant = ColumnType.parse("DateTime(timezone=True)");
        assertThat(instant).isEqualTo(ColumnType.DATE_TIME_WITH_TIMEZONE).isNotEqualTo(ColumnType.of("DateTime"));
        assertThat(instant).hasToString("DateTime(timezone=True)");
        assertThat(ColumnType.parse(" datetime ( timezone = true ) ")).isEqualTo(instant);
        assertThat(ColumnType.parse("DateTime")).hasToString("DateTime");
        assertThatThrownBy(() -> ColumnType.parse("DateTime(timezone=maybe)"))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("DateTime(timezone=True)");
    }

    @Test
    void timestampMeansAnInstantOnlyOnMysql() {
        assertThat(TypeNormalizer.normalize(
                        DdlRenderer.forKind(DatabaseKind.MYSQL).catalog(), "t.c", "TIMESTAMP", 26, 0))
                .isEqualTo(ColumnType.DATE_TIME_WITH_TIMEZONE);
        assertThat(TypeNormalizer.normalize(
                        DdlRenderer.forKind(DatabaseKind.POSTGRESQL).catalog(), "t.c", "timestamp", 29, 6))
                .isEqualTo(ColumnType.of("DateTime"));
        assertThat(TypeNormalizer.normalize(
                        DdlRenderer.forKind(DatabaseKind.POSTGRESQL).catalog(), "t.c", "timestamptz", 35, 6))
                .isEqualTo(ColumnType.DATE_TIME_WITH_TIMEZONE);
        assertThat(TypeNormalizer.normalize(
                        DdlRenderer.forKind(DatabaseKind.SQLITE).catalog(), "t.c", "TIMESTAMP WITH TIME ZONE", 0, 0))
                .isEqualTo(ColumnType.DATE_TIME_WITH_TIMEZONE);
    }

    @Test
    void sixteenFixedBytesAreAUuid() {
        assertThat(TypeNormalizer.normalize(
                        DdlRenderer.forKind(DatabaseKind.MYSQL).catalog(), "t.c", "BINARY", 16, 0))
                .isEqualTo(ColumnType.of("Uuid"));
        assertThat(TypeNormalizer.normalize(
                        DdlRenderer.forKind(DatabaseKind.MYSQL).catalog(), "t.c", "BINARY", 20, 0))
                .isEqualTo(ColumnType.of("LargeBinary"));
    }
}
