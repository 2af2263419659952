package io.swarmdrop.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void verifiesTheRightPasswordOnly() {
        String stored = hasher.hash("correct horse".toCharArray());

        assertThat(stored).startsWith("pbkdf2-sha256$1000$").doesNotContain("correct horse");
        assertThat(hasher.verify("correct horse".toCharArray(), stored)).isTrue();
        assertThat(hasher.verify("correct horsE".toCharArray(), stored)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        assertThat(hasher.hash("same".toCharArray())).isNotEqualTo(hasher.hash("same".toCharArray()));
    }

    @Test
    void verifiesHashesMadeWithOtherIterationCounts() {
        String older = new PasswordHasher(2_000).hash("pw".toCharArray());

        assertThat(hasher.verify("pw".toCharArray(), older)).isTrue();
    }

    @Test
    void treatsMalformedStoredHashesAsNoMatch() {
        assertThat(hasher.verify("pw".toCharArray(), null)).isFalse();
        assertThat(hasher.verify("pw".toCharArray(), "plain")).isFalse();
        assertThat(hasher.verify("pw".toCharArray(), "pbkdf2-sha256$x$y$z")).isFalse();
        assertThatThrownBy(() -> new PasswordHasher(10)).isInstanceOf(IllegalArgumentException.class);
    }
}
