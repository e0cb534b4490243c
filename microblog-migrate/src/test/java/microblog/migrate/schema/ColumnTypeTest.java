package microblog.migrate.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import microblog.db.url.DatabaseKind;
import microblog.migrate.MigrationException;
import microblog.migrate.dialect.MigrationDialect;
import org.junit.jupiter.api.Test;

class ColumnTypeTest {
    @Test
    void aDateTimeWithTimeZoneIsSpelledAsSqlAlchemySpellsIt() {
        ColumnType instant = ColumnType.parse("DateTime(timezone=True)");
        assertThat(instant)
                .isEqualTo(ColumnType.DATE_TIME_WITH_TIMEZONE)
                .isNotEqualTo(ColumnType.of(GenericType.DATE_TIME));
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
                        MigrationDialect.forKind(DatabaseKind.MYSQL).catalog(), "t.c", "TIMESTAMP", 26, 0))
                .isEqualTo(ColumnType.DATE_TIME_WITH_TIMEZONE);
        assertThat(TypeNormalizer.normalize(
                        MigrationDialect.forKind(DatabaseKind.POSTGRESQL).catalog(), "t.c", "timestamp", 29, 6))
                .isEqualTo(ColumnType.of(GenericType.DATE_TIME));
        assertThat(TypeNormalizer.normalize(
                        MigrationDialect.forKind(DatabaseKind.POSTGRESQL).catalog(), "t.c", "timestamptz", 35, 6))
                .isEqualTo(ColumnType.DATE_TIME_WITH_TIMEZONE);
        assertThat(TypeNormalizer.normalize(
                        MigrationDialect.forKind(DatabaseKind.SQLITE).catalog(),
                        "t.c",
                        "TIMESTAMP WITH TIME ZONE",
                        0,
                        0))
                .isEqualTo(ColumnType.DATE_TIME_WITH_TIMEZONE);
    }

    @Test
    void sixteenFixedBytesAreAUuid() {
        assertThat(TypeNormalizer.normalize(
                        MigrationDialect.forKind(DatabaseKind.MYSQL).catalog(), "t.c", "BINARY", 16, 0))
                .isEqualTo(ColumnType.of(GenericType.UUID));
        assertThat(TypeNormalizer.normalize(
                        MigrationDialect.forKind(DatabaseKind.MYSQL).catalog(), "t.c", "BINARY", 20, 0))
                .isEqualTo(ColumnType.of(GenericType.LARGE_BINARY));
    }
}
