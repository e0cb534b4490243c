package microblog.db.orm;

import static org.assertj.core.api.Assertions.assertThat;

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
}
