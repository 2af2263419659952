package io.swarmdrop.policies;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a publication's file is kept on the supernodes.
 *
 * @param maxAge the file is removed this long after publication, whoever has it by then; the
 *     targets that never received it are marked expired
 * @param deleteWhenDelivered remove the file as soon as every target has acknowledged it
 */
public record Retention(Duration maxAge, boolean deleteWhenDelivered) {
    public Retention {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("the maximum age must be positive, was " + maxAge);
        }
    }
}
