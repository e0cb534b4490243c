package microblog.db.orm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hibernate.boot.model.naming.Identifier;
import org.junit.jupiter.api.Test;

class SnakeCaseNamingStrategyTest {
    @Test
    void classAndFieldNamesBecomeSnakeCase() {
        assertThat(SnakeCaseNamingStrategy.snakeCase("User")).isEqualTo("user");
        assertThat(SnakeCaseNamingStrategy.snakeCase("AddressAndPhone")).isEqualTo("address_and_phone");
        assertThat(SnakeCaseNamingStrategy.snakeCase("passwordHash")).isEqualTo("password_hash");
        assertThat(SnakeCaseNamingStrategy.snakeCase("HTTPLog")).isEqualTo("http_log");
        assertThat(SnakeCaseNamingStrategy.snakeCase("user_id")).isEqualTo("user_id");
    }

    @Test
    void wordsAnyOfTheDatabasesReservesAreQuotedWhateverTheDialect() {
        SnakeCaseNamingStrategy naming = new SnakeCaseNamingStrategy();
        for (String word : List.of("desc", "rank", "key", "limit", "offset", "index")) {
            Identifier column = naming.toPhysicalColumnName(Identifier.toIdentifier(word), null);
            assertThat(column.isQuoted()).as(word).isTrue();
            assertThat(column.getText()).isEqualTo(word);
        }
        Identifier plain = naming.toPhysicalColumnName(Identifier.toIdentifier("createdAt"), null);
        assertThat(plain.isQuoted()).isFalse();
        assertThat(plain.getText()).isEqualTo("created_at");
    }

    @Test
    void aQuotedNameIsKeptAsWritten() {
        Identifier quoted =
                new SnakeCaseNamingStrategy().toPhysicalColumnName(Identifier.toIdentifier("`MixedCase`"), null);
        assertThat(quoted.isQuoted()).isTrue();
        assertThat(quoted.getText()).isEqualTo("MixedCase");
    }
}
