package io.swarmdrop.core.cluster;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.api.ACLProvider;
import org.apache.curator.retry.ExponentialBackoffRetry;
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
        List<ACL> acl = credentials.acl();
        CuratorFramework curator = CuratorFrameworkFactory.builder()
                .connectString(connect)
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
