package io.swarmdrop.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Configuration of the admin console. */
@ConfigMapping(prefix = "swarmdrop.console")
public interface ConsoleConfig {

    /** Folder of the console's own H2 database (accounts and the audit log). */
    @WithDefault("console-data")
    String dataDir();

    /** PBKDF2 iterations for console account passwords and for the users the console creates. */
    @WithDefault("600000")
    int passwordIterations();

    /** How often audit events raised on supernodes (enrolments) are moved into the audit log. */
    @WithDefault("2s")
    Duration auditDrainEvery();

    ZooKeeper zookeeper();

    FirstAdmin firstAdmin();

    Tls tls();

    /** HTTPS of the console; read by {@code ConsoleTls} before this mapping is built. */
    interface Tls {
        @WithDefault("true")
        boolean enabled();

        /** The CA that issues the console's certificate: {@code <data-dir>/tls/ca.crt} when not set. */
        Optional<String> caCert();

        /** Its key (PKCS#8 PEM, owner-only). */
        Optional<String> caKey();

        /** The console's certificate chain (PEM) when an operator issues it. */
        Optional<String> cert();

        /** The key of {@code cert}. */
        Optional<String> key();

        /** More names or addresses for the issued certificate (comma separated). */
        Optional<java.util.List<String>> names();
    }

    interface ZooKeeper {
        /** The ensemble holding the cluster state (the supernode's embedded one by default). */
        @WithDefault("127.0.0.1:2181")
        String connect();

        /**
         * The file holding Swarmdrop's ZooKeeper identity ({@code user:password}): the one the
         * supernodes use; by default the file the embedded supernode writes into its data folder.
         */
        @WithDefault("data/zookeeper-credentials")
        String credentialsFile();

        /** The CA (PEM) of the ensemble's certificates: when set, the session runs over TLS to secure client ports. */
        Optional<String> tlsCa();

        @WithDefault("15000")
        int sessionTimeoutMs();
    }

    /** The administrator account created on first start, when the console has no account yet. */
    interface FirstAdmin {
        @WithDefault("admin")
        String name();

        /** Its password; when not set, one is generated into {@code <data-dir>/first-admin-password}. */
        Optional<String> password();
    }
}
