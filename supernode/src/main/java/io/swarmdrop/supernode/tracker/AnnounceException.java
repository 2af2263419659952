package io.swarmdrop.supernode.tracker;

/** An announce the tracker refuses; its message becomes the bencoded {@code failure reason}. */
final class AnnounceException extends RuntimeException {
    AnnounceException(String message) {
        super(message);
    }
}
