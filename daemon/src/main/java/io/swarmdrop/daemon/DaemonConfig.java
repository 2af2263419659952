package io.swarmdrop.daemon;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Configuration of the workstation daemon. */
@ConfigMapping(prefix = "swarmdrop.daemon")
public interface DaemonConfig {

    /** Base URL of the supernode this daemon attaches to. */
    @WithDefault("http://127.0.0.1:8080")
    String supernodeUrl();

    /** User to enrol as on first start; afterwards the device token in the journal is used. */
    Optional<String> user();

    /** Password for the first enrolment; not needed once the device is enrolled. */
    Optional<String> password();

    /** Name this device is enrolled under; defaults to the host name. */
    Optional<String> deviceName();

    /** Folder holding outbox/, inbox/ and the daemon's own .swarmdrop/ state. */
    @WithDefault("${user.home}/Swarmdrop")
    String root();

    Torrent torrent();

    Outbox outbox();

    interface Torrent {
        /** Interface libtorrent accepts peers on. */
        @WithDefault("0.0.0.0")
        String host();

        /** TCP port libtorrent accepts peers on. */
        @WithDefault("6881")
        int port();
    }

    interface Outbox {
        /** How long a file's size and modification time must stay unchanged before it is published. */
        @WithDefault("2s")
        Duration stableFor();
    }
}
