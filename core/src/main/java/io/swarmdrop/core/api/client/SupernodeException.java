package io.swarmdrop.core.api.client;

/**
 * The supernode answered with an error, or could not be reached (status 0). 4xx answers are final
 * for that request; 0 and 5xx are worth retrying.
 */
public final class SupernodeException extends RuntimeException {

    private final int status;

    public SupernodeException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** No supernode answered, it failed, or (409) the state it checked against changed: try again. */
    public boolean isRetryable() {
        return status == 0 || status == 409 || status >= 500;
    }
}
