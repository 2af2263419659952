package io.swarmdrop.core.api;

/** The bodies of the daemon's local commands API ({@code /local/...}), read by the {@code swarmdrop} command. */
public final class LocalCommands {

    private LocalCommands() {}

    /** A publication of the user's groups and what this device has of it ({@code local}: fetching, delivered, published, not here...). */
    public record Listed(PublicationView publication, String local, String path) {}

    /** A file the command put into an outbox. */
    public record Published(String group, String name, String outboxPath) {}

    /** Enrols this device as {@code user}; the device name defaults to the host name. */
    public record Enrol(String user, String password, String deviceName) {}
}
