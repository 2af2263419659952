package io.swarmdrop.core.publication;

public enum PublicationState {
    /** Some targets have not received the file yet. */
    ACTIVE,
    /** Every target has received the file. */
    COMPLETE,
    /** The retention time ran out before every target received the file. */
    EXPIRED,
    /** The file is gone from the supernodes; only the history remains. */
    REMOVED
}
