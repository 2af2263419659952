package io.swarmdrop.core.files;

/** A file name that could escape its folder or cannot be stored on every supported OS. */
public final class UnsafeFileNameException extends RuntimeException {
    public UnsafeFileNameException(String name, String reason) {
        super("unsafe file name '" + name + "': " + reason);
    }
}
