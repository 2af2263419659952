package io.swarmdrop.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordRuleTest {

    @Test
    void acceptsTwelveToTwoHundredFiftySixCharacters() {
        assertThat(PasswordRule.problem("twelve-chars")).isEmpty();
        assertThat(PasswordRule.problem("x".repeat(256))).isEmpty();
    }

    @Test
    void refusesShortLongAndMissingPasswords() {
        assertThat(PasswordRule.problem("eleven-char")).hasValue("a password needs at least 12 characters");
        assertThat(PasswordRule.problem("x".repeat(257))).hasValue("a password may have at most 256 characters");
        assertThat(PasswordRule.problem(null)).hasValue("a password is required");
        assertThatThrownBy(() -> PasswordRule.require("short".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a password needs at least 12 characters");
    }

    @Test
    void countsCharactersNotUtf16Units() {
        // Eleven emoji are 22 UTF-16 units but eleven characters: too short.
        assertThat(PasswordRule.problem("🔑".repeat(11))).isPresent();
        assertThat(PasswordRule.problem("🔑".repeat(12))).isEmpty();
    }
}
