package io.swarmdrop.supernode;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Configuration of a supernode; every key has a default so a bare start works. */
@ConfigMapping(prefix = "swarmdrop.supernode")
public interface SupernodeConfig {

    /** Folder for the embedded ZooKeeper, the H2 catalog, stored files and metainfo. */
    @WithDefault("data")
    String dataDir();

    /** The geographic zone this supernode serves. */
    @WithDefault("default")
    String zone();

    /** This node's id in the cluster; generated once and kept in the data folder when not set. */
    Optional<String> nodeId();

    /**
     * The URL daemons and the other supernodes reach this supernode's API and tracker at. Defaults
     * to {@code https://<quarkus.http.host>:<port>}, or {@code https://127.0.0.1:<port>} when the API
     * listens on every interface, which only suits a cluster on one host ({@code http://} with TLS off).
     */
    Optional<String> publicUrl();

    /**
     * Bearer token of the admin API. When not set, one is generated on first start and written to
     * {@code <data-dir>/admin-token} (readable by the owner only).
     */
    Optional<String> adminToken();

    /** PBKDF2 iterations for new password hashes. */
    @WithDefault("600000")
    int passwordIterations();

    /** Seconds between announces that the tracker asks clients for. */
    @WithDefault("30")
    int trackerInterval();

    /** How often unfinished fetches save libtorrent resume data (to {@code <data-dir>/resume/}). */
    @WithDefault("15s")
    Duration resumeDataEvery();

    /** How often open push channels are pinged, to find daemons that went away. */
    @WithDefault("10s")
    Duration pushPingEvery();

    /**
     * How often this supernode reconsiders which publications it holds (replicas, its zone's
     * demand) and which trackers its swarms announce to.
     */
    @WithDefault("5s")
    Duration placementEvery();

    Gc gc();

    ZooKeeper zookeeper();

    Torrent torrent();

    Tls tls();

    Disk disk();

    interface Disk {
        /**
         * Space the data folder's disk must keep free after a new publication's file: below it the
         * supernode refuses new publications (507, the daemons keep them in their outboxes and ask
         * again later). Copies it already holds or fetches are not touched.
         */
        @WithDefault("1G")
        io.quarkus.runtime.configuration.MemorySize minFree();
    }

    /**
     * HTTPS of the API, tracker and admin API; read by {@code cluster/ServerTls} before this mapping
     * is built, and by {@code cluster/ClusterTls} for the calls to other supernodes.
     */
    interface Tls {
        /** Off only for a supernode that nobody but its own host reaches (the API on loopback). */
        @WithDefault("true")
        boolean enabled();

        /**
         * The cluster CA certificate (PEM); {@code <data-dir>/tls/ca.crt} when not set, created
         * with its key on first start. Every supernode of a cluster needs the same one.
         */
        Optional<String> caCert();

        /** The CA's key (PKCS#8 PEM, owner-only); {@code <data-dir>/tls/ca.key} when not set. */
        Optional<String> caKey();

        /** This supernode's certificate chain (PEM), when an operator issues it; else one is issued from the CA. */
        Optional<String> cert();

        /** The key of {@code cert} (PKCS#8 PEM). */
        Optional<String> key();

        /** More names or addresses for the issued certificate (comma separated), beyond those of its URLs. */
        Optional<List<String>> names();
    }

    interface ZooKeeper {
        /** The ensemble to join (host:port,...). When not set, an embedded single-node ZooKeeper starts. */
        Optional<String> connect();

        /** Client port of the embedded ZooKeeper. */
        @WithDefault("2181")
        int embeddedPort();

        /**
         * Address the embedded ZooKeeper listens on: loopback, so that nothing but this host reaches
         * it; set it to this host's address for supernodes or a console on other hosts.
         */
        @WithDefault("127.0.0.1")
        String embeddedHost();

        /**
         * The file holding Swarmdrop's ZooKeeper identity ({@code user:password}, owner-only);
         * {@code <data-dir>/zookeeper-credentials} when not set. With the embedded ZooKeeper it is
         * generated on first start; joining an ensemble, it must be the cluster's (copied from the
         * first supernode, or mounted from a Secret).
         */
        Optional<String> credentialsFile();

        /**
         * The CA (PEM) that the ensemble's certificates chain to: when set, {@code connect} names
         * the servers' secure client ports and the session runs over TLS. Not used with the
         * embedded ZooKeeper, which listens on loopback.
         */
        Optional<String> tlsCa();

        /** ZooKeeper session timeout in milliseconds: how soon a dead supernode's ephemeral nodes vanish. */
        @WithDefault("15000")
        int sessionTimeoutMs();
    }

    interface Gc {
        /** How often the elected collector applies the retention policies, and every supernode drops removed files. */
        @WithDefault("30s")
        Duration every();

        /** How long a removed publication's history (who received it, when, why it went) is kept. */
        @WithDefault("P7D")
        Duration history();

        /**
         * How long a publication may wait for a supernode to hold all its bytes: one that none does
         * and no recipient received by then is removed ("its bytes never reached a supernode"),
         * so a metainfo that declares bytes its publisher never sends does not stay for its whole
         * retention time.
         */
        @WithDefault("P1D")
        Duration seedWithin();
    }

    interface Torrent {
        /** Interface libtorrent accepts peers on. */
        @WithDefault("0.0.0.0")
        String host();

        /** TCP port libtorrent accepts peers on: TLS with peer certificates, as every swarm is an SSL torrent. */
        @WithDefault("6880")
        int port();

        /**
         * The address or name peers connect to, when it is not where this host listens: the public
         * address behind NAT, a Kubernetes pod's external address. Defaults to the host of
         * {@code public-url} when that is set, else to {@code host} when that names one interface,
         * else to the host of the default public URL.
         */
        Optional<String> advertisedHost();

        /** The port peers connect to, when a NAT or a Service forwards another one to {@code port}. */
        Optional<Integer> advertisedPort();

        /** Bytes per second each torrent may upload; 0 for no limit. */
        @WithDefault("0")
        int uploadLimit();

        /** Bytes per second each torrent may download; 0 for no limit. */
        @WithDefault("0")
        int downloadLimit();
    }
}
