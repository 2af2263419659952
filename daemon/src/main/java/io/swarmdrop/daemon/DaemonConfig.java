package io.swarmdrop.daemon;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Configuration of the workstation daemon. */
@ConfigMapping(prefix = "swarmdrop.daemon")
public interface DaemonConfig {

    /**
     * One or more supernode URLs (comma separated) to start from. The daemon learns the other live
     * supernodes from whichever answers and attaches to the nearest of its zone.
     */
    @WithDefault("https://127.0.0.1:8080")
    List<String> supernodes();

    /**
     * The cluster CA certificate (PEM) that supernode certificates must chain to. When neither this
     * nor {@link #trustCaSha256} is set, the JDK's public CAs are trusted.
     */
    Optional<String> trustCa();

    /**
     * The SHA-256 fingerprint of the cluster CA (as the console shows it): the CA the first
     * supernode presents is trusted if it has this fingerprint.
     */
    Optional<String> trustCaSha256();

    /**
     * The zone this device belongs to. When not set, it is the zone of the first supernode the
     * device attached to, kept in the journal.
     */
    Optional<String> zone();

    /**
     * A config file to read the settings from (see {@code config/ConfigFile}); read by
     * {@code ConfigFileSource} before this mapping is built.
     */
    Optional<String> configFile();

    /** User to enrol as on first start; afterwards the device token in the journal is used. */
    Optional<String> user();

    /** Password for the first enrolment; not needed once the device is enrolled. */
    Optional<String> password();

    /** Name this device is enrolled under; defaults to the host name. */
    Optional<String> deviceName();

    /** Folder holding outbox/, inbox/ and the daemon's own .swarmdrop/ state. */
    @WithDefault("${user.home}/Swarmdrop")
    String root();

    /** How often the link to the supernode is checked and repaired (enrolment, groups, push channel). */
    @WithDefault("3s")
    Duration maintainEvery();

    /** How often the outbox folders are scanned. */
    @WithDefault("1s")
    Duration scanEvery();

    /** How often unfinished fetches save libtorrent resume data (to {@code .swarmdrop/resume/}). */
    @WithDefault("5s")
    Duration resumeDataEvery();

    /** How often seeded publications are checked, to stop seeding those the supernodes removed. */
    @WithDefault("60s")
    Duration retireEvery();

    Torrent torrent();

    Outbox outbox();

    Upnp upnp();

    Lan lan();

    /** LAN mode: local groups and presence by multicast, without supernodes (see {@code lan/Lan}). */
    interface Lan {
        @WithDefault("true")
        boolean enabled();

        /** The UDP port of presence and offers, the same on every daemon of the LAN. */
        @WithDefault("6790")
        int port();

        @WithDefault("239.192.77.77")
        String ipv4Group();

        /** All nodes of the link: every IPv6 host on the LAN hears it, no router needed. */
        @WithDefault("ff02::1")
        String ipv6Group();

        /** TCP port of the metainfo server for this device's offers; 0 picks a free one. */
        @WithDefault("0")
        int httpPort();

        @WithDefault("2s")
        Duration announceEvery();

        // Local groups, swarmdrop.lan-groups.<name> = <base64 key>, are read by LocalGroups.
    }

    interface Upnp {
        /** Map the BitTorrent port on the office router (UPnP IGD), so peers outside the LAN can connect in. */
        @WithDefault("true")
        boolean enabled();

        /** How long the router keeps the mapping without a renewal; it is renewed at half of this. */
        @WithDefault("1h")
        Duration lease();
    }

    interface Torrent {
        /** Interface libtorrent accepts peers on. */
        @WithDefault("0.0.0.0")
        String host();

        /**
         * TCP port libtorrent accepts peers of publications on: TLS with peer certificates (SSL
         * torrents); the one UPnP maps.
         */
        @WithDefault("6881")
        int port();

        /** Bytes per second each torrent may upload; 0 for no limit. */
        @WithDefault("0")
        int uploadLimit();

        /** Bytes per second each torrent may download; 0 for no limit. */
        @WithDefault("0")
        int downloadLimit();
    }

    interface Outbox {
        /** How long a file's size and modification time must stay unchanged before it is published. */
        @WithDefault("2s")
        Duration stableFor();
    }
}
