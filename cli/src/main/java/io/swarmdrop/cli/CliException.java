package io.swarmdrop.cli;

/** A failure the command reports in one line and turns into its exit code (see {@link Swarmdrop}). */
final class CliException extends RuntimeException {

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
