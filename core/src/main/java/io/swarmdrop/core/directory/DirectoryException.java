package io.swarmdrop.core.directory;

/** A directory change that cannot be made as asked. */
public class DirectoryException extends RuntimeException {
    public enum Reason {
        NOT_FOUND,
        ALREADY_EXISTS,
        REFUSED
    }

    private final Reason reason;

    public DirectoryException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
