package io.swarmdrop.core.publication;

/** A publication request or acknowledgement that cannot be accepted. */
public final class PublicationException extends RuntimeException {
    public enum Reason {
        NOT_FOUND,
        NOT_A_MEMBER,
        NOT_A_TARGET,
        INVALID_METAINFO,
        /** The group's admission policy refuses the file. */
        REFUSED_BY_POLICY,
        /** The torrent carries a peer root the group no longer publishes under: hash it again with the current one. */
        STALE_PEER_ROOT,
        /** This supernode's disk cannot take the file and keep its free space: try again later. */
        INSUFFICIENT_STORAGE
    }

    private final Reason reason;

    public PublicationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
