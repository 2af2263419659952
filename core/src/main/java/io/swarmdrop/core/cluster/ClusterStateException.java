package io.swarmdrop.core.cluster;

/** ZooKeeper could not be read or written, or holds data this version cannot read. */
public class ClusterStateException extends RuntimeException {
    public ClusterStateException(String message, Throwable cause) {
        super(message, cause);
    }

    public ClusterStateException(String message) {
        super(message);
    }

    /** Wraps a Curator failure, keeping the interrupt flag of an interrupted thread. */
    public static ClusterStateException wrap(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        if (e instanceof ClusterStateException cse) {
            return cse;
        }
        return new ClusterStateException(what + ": " + e.getMessage(), e);
    }
}
