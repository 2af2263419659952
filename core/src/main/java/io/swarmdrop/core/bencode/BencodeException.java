package io.swarmdrop.core.bencode;

/** Thrown for data that is not valid bencoding. */
public final class BencodeException extends RuntimeException {
    public BencodeException(String message) {
        super(message);
    }
}
