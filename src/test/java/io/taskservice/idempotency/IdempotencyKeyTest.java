package io.taskservice.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskservice.error.InvalidRequestException;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    @Test
    void absentHeaderIsNoKey() {
        assertThat(IdempotencyKey.parse(null)).isNull();
    }

    @Test
    void acceptsPrintableAsciiUpTo255Characters() {
        assertThat(IdempotencyKey.parse("a").value()).isEqualTo("a");
        assertThat(IdempotencyKey.parse("9f1c2b7e-5d4a-4c3b-8e2f-0a1b2c3d4e5f").value()).hasSize(36);
        assertThat(IdempotencyKey.parse(" !~{}\"").value()).isEqualTo(" !~{}\"");
        assertThat(IdempotencyKey.parse("k".repeat(255)).value()).hasSize(255);
    }

    @Test
    void refusesEmptyTooLongAndNonAsciiKeys() {
        for (String bad : new String[] {"", "k".repeat(256), "tab\there", "caf\u00e9", "nul\u0000", "del\u007f"}) {
            assertThatThrownBy(() -> IdempotencyKey.parse(bad)).as(bad).isInstanceOf(InvalidRequestException.class)
                    .hasMessage("Idempotency-Key must be 1 to 255 printable ASCII characters");
        }
    }
}
