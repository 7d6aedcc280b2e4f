package io.taskservice.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    private static byte[] body(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void sameRequestSameFingerprint() {
        assertThat(RequestFingerprint.of("POST", "/api/projects", null, body("{\"key\":\"a\"}")))
                .isEqualTo(RequestFingerprint.of("POST", "/api/projects", null, body("{\"key\":\"a\"}")))
                .hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void anyDifferenceChangesIt() {
        String base = RequestFingerprint.of("POST", "/api/projects/p/import", "replace=true", body("{}"));
        assertThat(RequestFingerprint.of("PUT", "/api/projects/p/import", "replace=true", body("{}"))).isNotEqualTo(base);
        assertThat(RequestFingerprint.of("POST", "/api/projects/q/import", "replace=true", body("{}"))).isNotEqualTo(base);
        assertThat(RequestFingerprint.of("POST", "/api/projects/p/import", null, body("{}"))).isNotEqualTo(base);
        assertThat(RequestFingerprint.of("POST", "/api/projects/p/import", "replace=true", body("{ }"))).isNotEqualTo(base);
    }

    @Test
    void partsCannotShiftIntoEachOther() {
        assertThat(RequestFingerprint.of("POST", "/a", null, body("b"))).isNotEqualTo(RequestFingerprint.of("POST", "/ab", null, body("")));
        assertThat(RequestFingerprint.of("POST", "/a", "", body(""))).isNotEqualTo(RequestFingerprint.of("POST", "/a", null, body("")));
    }
}
