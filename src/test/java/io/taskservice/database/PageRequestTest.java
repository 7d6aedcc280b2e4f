package io.taskservice.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskservice.error.InvalidRequestException;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void defaultsToFirstPageOfFifty() {
        assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(0, 50));
        assertThat(PageRequest.of(" 3 ", "20")).isEqualTo(new PageRequest(3, 20));
    }

    @Test
    void rejectsPageWhoseOffsetOverflowsAnInt() {
        assertThatThrownBy(() -> PageRequest.of("2147483647", "500"))
                .isInstanceOf(InvalidRequestException.class).hasMessage("page must be at most 4294966 for size 500");
        assertThatThrownBy(() -> PageRequest.of("4294967", "500")).hasMessageStartingWith("page must be at most");
        assertThat(PageRequest.of("4294966", "500").index()).isEqualTo(4294966);
        assertThat((long) PageRequest.of("2147483646", "1").index() * 1).isEqualTo(2147483646L);
    }

    @Test
    void rejectsValuesThatAreNotWholeNumbersNamingTheParameter() {
        for (String text : new String[] {"abc", "", "1.5", "1e3", "0x10", "+1", "99999999999", "-99999999999", "\0"}) {
            assertThatThrownBy(() -> PageRequest.of(text, null)).as(text)
                    .isInstanceOf(InvalidRequestException.class).hasMessage("page must be a whole number");
            assertThatThrownBy(() -> PageRequest.of(null, text)).as(text)
                    .isInstanceOf(InvalidRequestException.class).hasMessage("size must be a whole number");
        }
    }

    @Test
    void rejectsOutOfRangeValues() {
        assertThatThrownBy(() -> PageRequest.of("-1", null)).hasMessage("page must be 0 or more");
        assertThatThrownBy(() -> PageRequest.of(null, "0")).hasMessage("size must be between 1 and 500");
        assertThatThrownBy(() -> PageRequest.of(null, "501")).hasMessage("size must be between 1 and 500");
        assertThatThrownBy(() -> PageRequest.of("-2147483648", "1")).hasMessage("page must be 0 or more");
    }
}
