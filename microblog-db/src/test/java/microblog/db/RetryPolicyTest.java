package microblog.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    @Test
    void theLongestWaitDoublesFromTheBaseUpToTheCap() {
        RetryPolicy policy = RetryPolicy.DEFAULT;
        assertThat(policy.maxAttempts()).isEqualTo(5);
        assertThat(List.of(1, 2, 3, 4, 7, 8, 100, Integer.MAX_VALUE).stream()
                        .map(n -> policy.maxDelayAfter(n).toMillis())
                        .toList())
                .containsExactly(10L, 20L, 40L, 80L, 640L, 1000L, 1000L, 1000L);
    }

    @Test
    void eachWaitIsAFullJitterPartOfTheLongest() {
        List<Duration> slept = new ArrayList<>();
        RetryPolicy half = RetryPolicy.attempts(3).with(slept::add, () -> 0.5);
        assertThat(half.delayAfter(1)).isEqualTo(Duration.ofMillis(5));
        assertThat(half.delayAfter(3)).isEqualTo(Duration.ofMillis(20));
        RetryPolicy none = half.with(slept::add, () -> 0.0);
        assertThat(none.delayAfter(4)).isZero();
        RetryPolicy almostAll =
                half.backoff(Duration.ofMillis(100), Duration.ofMillis(300)).with(slept::add, () -> 0.999);
        assertThat(almostAll.delayAfter(5).toMillis()).isEqualTo(299);
        assertThat(almostAll.maxAttempts()).as("kept by backoff").isEqualTo(3);
    }

    @Test
    void nonsenseIsRefusedWithWhatWasGiven() {
        assertThatThrownBy(() -> RetryPolicy.attempts(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 attempt, not 0");
        assertThatThrownBy(() -> RetryPolicy.DEFAULT.backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.DEFAULT.backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT2S and PT1S");
    }
}
