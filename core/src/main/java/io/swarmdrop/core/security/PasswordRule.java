package io.swarmdrop.core.security;

import java.util.Optional;

/**
 * The one rule for a password someone chooses, wherever it is set: a user's (admin API, console),
 * a console account's, and the directory itself. Length is what makes a password hard to guess
 * (NIST SP 800-63B); the upper bound keeps hashing cheap to refuse.
 */
public final class PasswordRule {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;

    private PasswordRule() {}

    /** What is wrong with {@code password}, or empty when it may be used. */
    public static Optional<String> problem(CharSequence password) {
        if (password == null) {
            return Optional.of("a password is required");
        }
        int length = Character.codePointCount(password, 0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("a password needs at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("a password may have at most " + MAX_LENGTH + " characters");
        }
        return Optional.empty();
    }

    /** Throws {@link IllegalArgumentException} saying what is wrong with {@code password}. */
    public static void require(char[] password) {
        problem(password == null ? null : java.nio.CharBuffer.wrap(password)).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }
}
