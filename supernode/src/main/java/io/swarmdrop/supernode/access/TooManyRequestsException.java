package io.swarmdrop.supernode.access;

import java.time.Duration;

/** Too many requests of one kind (failed logins, progress reports): answered with 429 and Retry-After. */
public final class TooManyRequestsException extends RuntimeException {
    private final Duration retryAfter;

    public TooManyRequestsException(String what, Duration retryAfter) {
        super(what + "; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
        this.retryAfter = retryAfter;
    }

    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds());
    }
}
