package io.swarmdrop.engine;

/** The libtorrent native cannot be loaded on this machine, with the reason and the remedy. */
public final class NativeLibraryException extends RuntimeException {
    public NativeLibraryException(String message) {
        super(message);
    }
}
