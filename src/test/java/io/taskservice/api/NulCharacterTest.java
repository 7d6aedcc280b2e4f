package io.taskservice.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NulCharacterTest {

    private static String path(String json) {
        return NulCharacter.pathInJson(json.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    @Test
    void namesTheFieldWithTheCharacter() {
        assertThat(path("{\"title\":\"a\\u0000b\"}")).isEqualTo("title");
        assertThat(path("{\"title\":\"ok\",\"extra\":{\"notes\":[\"x\",\"\\u0000\"]}}")).isEqualTo("extra.notes[1]");
        assertThat(path("[{\"a\":1},{\"b\":\"\\u0000\"}]")).isEqualTo("[1].b");
        assertThat(path("\"\\u0000\"")).isEqualTo("body");
    }

    @Test
    void namesAKeyWithTheCharacter() {
        assertThat(path("{\"extra\":{\"k\\u0000\":1}}")).isEqualTo("extra.k\\u0000");
    }

    @Test
    void findsNothingInCleanOrMalformedJson() {
        assertThat(path("{\"title\":\"a\\\\u0000\"}")).as("an escaped backslash followed by u0000 is text").isNull();
        assertThat(path("{\"title\":\"\\u0001\"}")).isNull();
        assertThat(path("{\"title\":\"\\u0000")).as("malformed: the JSON reader reports it").isNull();
        assertThat(path("")).isNull();
    }

    @Test
    void findsTheCharacterInUtf16Json() {
        byte[] utf16 = "{\"t\":\"a\\u0000\"}".getBytes(StandardCharsets.UTF_16BE);
        assertThat(NulCharacter.pathInJson(utf16)).contains("t");
    }

    @Test
    void checksPlainText() {
        assertThat(NulCharacter.in("a\0")).isTrue();
        assertThat(NulCharacter.in("a")).isFalse();
        assertThat(NulCharacter.in(null)).isFalse();
    }
}
