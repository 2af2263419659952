package io.swarmdrop.supernode.access;

/** A request without valid credentials: answered with 401. */
public final class NotAuthenticatedException extends RuntimeException {
    public NotAuthenticatedException(String message) {
        super(message);
    }
}
