package io.swarmdrop.core.api.client;

/**
 * A supernode this daemon must not talk to: a certificate it does not trust, or plain HTTP off this
 * host. Not retried: the daemon stops rather than send its password or token there.
 */
public final class UntrustedSupernodeException extends RuntimeException {
    public UntrustedSupernodeException(String message) {
        super(message);
    }

    public UntrustedSupernodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
