package io.swarmdrop.supernode.cluster;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.swarmdrop.core.cluster.Json;
import io.swarmdrop.core.cluster.SupernodeRecord;
import io.swarmdrop.core.cluster.ZkLayout;
import io.swarmdrop.core.placement.Rendezvous;
import io.swarmdrop.engine.TorrentEngine;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.nodes.PersistentNode;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.jboss.logging.Logger;

/**
 * Registers this supernode under its zone as an ephemeral node. Curator's {@link PersistentNode}
 * recreates it after a session loss, so a supernode that reconnects is visible again.
 */
@Singleton
public class NodeRegistration {

    private static final Logger LOG = Logger.getLogger(NodeRegistration.class);

    private final CuratorFramework zk;
    private final NodeIdentity identity;
    private final ClusterTls tls;
    private final TorrentEngine engine;
    private final Clock clock;
    private PersistentNode node;

    NodeRegistration(CuratorFramework zk, NodeIdentity identity, TorrentEngine engine, ClusterTls tls, Clock clock) {
        this.zk = zk;
        this.tls = tls;
        this.identity = identity;
        this.engine = engine;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) throws Exception {
        var others =
                live().stream().filter(r -> !r.node().equals(identity.node())).toList();
        var problem =
                identity.addresses().loopbackProblem(zk.getZookeeperClient().getCurrentConnectionString(), others);
        if (problem.isPresent()) {
            // Registered, it would take part in no swarm and hold nothing: a silent 0% for every
            // daemon on another host. Refusing to start says so where the operator looks.
            throw new IllegalStateException(problem.get());
        }
        var addresses = identity.addresses();
        var record = new SupernodeRecord(
                identity.node(),
                identity.zone(),
                addresses.publicUrl(),
                addresses.peerHost(),
                addresses.peerPort(engine.port()),
                identity.passkeyHash(),
                clock.instant(),
                tls.caFingerprint().orElse(null));
        try {
            zk.create().creatingParentsIfNeeded().forPath(ZkLayout.zone(identity.zone()));
        } catch (KeeperException.NodeExistsException e) {
            // Another supernode of the zone created it.
        }
        node = new PersistentNode(
                zk,
                CreateMode.EPHEMERAL,
                false,
                ZkLayout.supernode(identity.zone(), identity.node()),
                Json.write(record));
        node.start();
        LOG.infof(
                "[node=%s] registered in zone %s at %s, peers connect to %s:%d",
                identity.node(), identity.zone(), addresses.publicUrl(), addresses.peerHost(), record.peerPort());
    }

    void onStop(@Observes ShutdownEvent event) throws Exception {
        if (node != null) {
            node.close();
        }
    }

    /** The live supernode that announces with the passkey of this hash, if any. */
    public Optional<SupernodeRecord> findByPasskeyHash(String passkeyHash) {
        return live().stream().filter(r -> r.passkeyHash().equals(passkeyHash)).findFirst();
    }

    /** The live supernodes, as placement sees them. */
    public List<Rendezvous.Node> liveNodes() {
        return live().stream().map(r -> new Rendezvous.Node(r.node(), r.zone())).toList();
    }

    /**
     * The announce URLs of every live supernode, with this supernode's passkey, sorted so that an
     * unchanged set gives an equal list. This one's own tracker is always among them.
     */
    public List<String> trackerUrls() {
        var urls = new java.util.TreeSet<String>();
        urls.add(identity.ownTrackerUrl());
        for (SupernodeRecord record : live()) {
            if (!record.node().equals(identity.node())) {
                urls.add(identity.trackerUrl(record.apiUrl()));
            }
        }
        return List.copyOf(urls);
    }

    public List<SupernodeRecord> live() {
        return SupernodeRecord.live(zk);
    }
}
