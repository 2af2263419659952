package io.swarmdrop.core.torrent;

/** Metainfo that Swarmdrop will not publish or fetch, with the reason. */
public final class InvalidMetainfoException extends RuntimeException {
    public InvalidMetainfoException(String message) {
        super(message);
    }
}
