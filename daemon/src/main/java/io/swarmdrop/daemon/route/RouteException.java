package io.swarmdrop.daemon.route;

/**
 * A route could not do what was asked. Retryable failures (nothing answers, a token to renew) are
 * tried again on the next round; the others are final for that file or publication.
 */
public final class RouteException extends RuntimeException {

    private final boolean retryable;

    public RouteException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean isRetryable() {
        return retryable;
    }
}
