package io.swarmdrop.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmdrop.core.security.ClusterCa;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.InstanceSpec;
import org.apache.zookeeper.server.embedded.ExitHandler;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 2: on an ensemble across hosts, the digest credentials and the cluster state
 * travel over TLS (ZooKeeper's secure client port with its Netty connection factory), checked
 * against the cluster CA; a client that trusts another CA, or speaks plain, gets nothing.
 */
class ClusterTlsTest {

    @TempDir
    static Path folder;

    private static ZooKeeperServerEmbedded server;
    private static int securePort;
    private static final Map<String, String> SET = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        ClusterCa ca = ClusterCa.loadOrCreate(folder.resolve("ca.crt"), folder.resolve("ca.key"));
        ca.ensureServerCertificate(
                "zookeeper", Set.of("127.0.0.1", "localhost"), folder.resolve("zk.crt"), folder.resolve("zk.key"));
        // ZooKeeper's PEM key store is one file: the key, then the certificate chain.
        Path keyStore = folder.resolve("zk.pem");
        Files.writeString(
                keyStore,
                Files.readString(folder.resolve("zk.key")) + Files.readString(folder.resolve("zk.crt")),
                StandardCharsets.US_ASCII);
        securePort = InstanceSpec.getRandomPort();
        // The server turns zoo.cfg keys it does not know into system properties (zookeeper.<key>);
        // they are cleared after the class, so other tests keep plain servers.
        var properties = new Properties();
        properties.put("clientPort", Integer.toString(InstanceSpec.getRandomPort()));
        properties.put("clientPortAddress", "127.0.0.1");
        properties.put("secureClientPort", Integer.toString(securePort));
        properties.put("secureClientPortAddress", "127.0.0.1");
        properties.put("dataDir", folder.resolve("data").toString());
        properties.put("tickTime", "2000");
        properties.put("admin.enableServer", "false");
        properties.put("serverCnxnFactory", "org.apache.zookeeper.server.NettyServerCnxnFactory");
        properties.put("ssl.keyStore.location", keyStore.toString());
        properties.put("ssl.keyStore.type", "PEM");
        properties.put("ssl.trustStore.location", folder.resolve("ca.crt").toString());
        properties.put("ssl.trustStore.type", "PEM");
        properties.put("ssl.clientAuth", "none");
        for (String key : properties.stringPropertyNames()) {
            SET.put("zookeeper." + key, System.getProperty("zookeeper." + key));
        }
        Files.createDirectories(folder.resolve("zk"));
        server = ZooKeeperServerEmbedded.builder()
                .baseDir(folder.resolve("zk"))
                .configuration(properties)
                .exitHandler(ExitHandler.LOG_ONLY)
                .build();
        server.start(30_000);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        SET.forEach((key, old) -> {
            if (old == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, old);
            }
        });
    }

    @Test
    void theClusterClientConnectsOverTlsCheckingTheClusterCa() throws Exception {
        var credentials = ClusterCredentials.readOrCreate(folder.resolve("zookeeper-credentials"));
        try (CuratorFramework client = ClusterClient.connect(
                "127.0.0.1:" + securePort, 10_000, credentials, Optional.of(folder.resolve("ca.crt")))) {
            client.create().forPath("/tls-probe", "over tls".getBytes(StandardCharsets.UTF_8));
            assertThat(new String(client.getData().forPath("/tls-probe"), StandardCharsets.UTF_8))
                    .isEqualTo("over tls");
        }
    }

    @Test
    void aClientTrustingAnotherCaOrSpeakingPlainGetsNoSession() throws Exception {
        ClusterCa.loadOrCreate(folder.resolve("other/ca.crt"), folder.resolve("other/ca.key"));
        assertThat(connects(Optional.of(folder.resolve("other/ca.crt")))).isFalse();
        assertThat(connects(Optional.empty()))
                .as("plain ZooKeeper protocol on the TLS port")
                .isFalse();
        assertThat(connects(Optional.of(folder.resolve("ca.crt")))).isTrue();
    }

    private static boolean connects(Optional<Path> trust) throws Exception {
        var builder = CuratorFrameworkFactory.builder()
                .connectString("127.0.0.1:" + securePort)
                .retryPolicy(new RetryOneTime(100))
                .connectionTimeoutMs(3_000)
                .sessionTimeoutMs(6_000);
        trust.ifPresent(ca -> builder.zkClientConfig(ClusterClient.tls(ca)));
        try (CuratorFramework client = builder.build()) {
            client.start();
            return client.blockUntilConnected(6, TimeUnit.SECONDS);
        }
    }
}
