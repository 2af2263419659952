package io.swarmdrop.core.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.api.ACLProvider;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.data.ACL;

/** The one way every process (supernode, console) connects to the cluster state. */
public final class ClusterClient {

    private ClusterClient() {}

    /**
     * A started Curator client on the {@code swarmdrop} namespace of {@code connect}, authenticated
     * as {@code credentials}, connected and with the layout's top-level nodes created. Every node it
     * creates carries an ACL that admits {@code credentials} alone, and a tree left open by an older
     * version is closed. Throws when ZooKeeper stays out of reach for a minute.
     */
    public static CuratorFramework connect(String connect, int sessionTimeoutMs, ClusterCredentials credentials)
            throws InterruptedException {
        return connect(connect, sessionTimeoutMs, credentials, Optional.empty());
    }

    /**
     * As {@link #connect(String, int, ClusterCredentials)}, over TLS when {@code trustCa} names a
     * CA certificate (PEM): the ensemble's secure client port, whose certificate must chain to it
     * and name the host connected to. The digest credentials then travel encrypted as well.
     */
    public static CuratorFramework connect(
            String connect, int sessionTimeoutMs, ClusterCredentials credentials, Optional<Path> trustCa)
            throws InterruptedException {
        List<ACL> acl = credentials.acl();
        var builder = CuratorFrameworkFactory.builder();
        trustCa.ifPresent(ca -> builder.zkClientConfig(tls(ca)));
        CuratorFramework curator = builder.connectString(connect)
                .namespace(ZkLayout.NAMESPACE)
                .sessionTimeoutMs(sessionTimeoutMs)
                .connectionTimeoutMs(10_000)
                .retryPolicy(new ExponentialBackoffRetry(250, 10, 5_000))
                .authorization(ClusterCredentials.SCHEME, credentials.auth())
                .aclProvider(new OwnAcl(acl))
                .build();
        curator.start();
        if (!curator.blockUntilConnected(60, TimeUnit.SECONDS)) {
            curator.close();
            throw new IllegalStateException("cannot reach ZooKeeper at " + connect + " within 60 s");
        }
        try {
            ClusterRoots.create(curator);
            ClusterRoots.close(curator, acl);
        } catch (RuntimeException e) {
            curator.close();
            throw e;
        }
        return curator;
    }

    /** ZooKeeper's client settings for TLS (its Netty socket), trusting {@code ca} alone. */
    static ZKClientConfig tls(Path ca) {
        if (!Files.isReadable(ca)) {
            throw new IllegalArgumentException("the ZooKeeper TLS trust file " + ca + " cannot be read");
        }
        var config = new ZKClientConfig();
        config.setProperty(ZKClientConfig.ZOOKEEPER_CLIENT_CNXN_SOCKET, "org.apache.zookeeper.ClientCnxnSocketNetty");
        config.setProperty(ZKClientConfig.SECURE_CLIENT, "true");
        config.setProperty(
                "zookeeper.ssl.trustStore.location", ca.toAbsolutePath().toString());
        config.setProperty("zookeeper.ssl.trustStore.type", "PEM");
        return config;
    }

    /** The same ACL on every path: Swarmdrop's identity alone. */
    private record OwnAcl(List<ACL> acl) implements ACLProvider {
        @Override
        public List<ACL> getDefaultAcl() {
            return acl;
        }

        @Override
        public List<ACL> getAclForPath(String path) {
            return acl;
        }
    }
}
