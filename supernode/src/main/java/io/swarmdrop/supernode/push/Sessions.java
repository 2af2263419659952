package io.swarmdrop.supernode.push;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.swarmdrop.core.api.PublicationView;
import io.swarmdrop.core.cluster.ClusterStateException;
import io.swarmdrop.core.cluster.Json;
import io.swarmdrop.core.cluster.ZkLayout;
import io.swarmdrop.core.directory.DeviceRef;
import io.swarmdrop.core.directory.Directory;
import io.swarmdrop.core.directory.UserRecord;
import io.swarmdrop.core.presence.SessionRecord;
import io.swarmdrop.core.presence.SessionStore;
import io.swarmdrop.core.publication.Publications;
import io.swarmdrop.supernode.cluster.NodeIdentity;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.recipes.nodes.PersistentNode;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.jboss.logging.Logger;

/**
 * Open push channels of the devices attached to this supernode.
 *
 * <p>Each channel marks its device online with an ephemeral {@code /sessions/{user}/{device}} node
 * and watches the user's {@code /users/{user}/pending} children: whichever supernode accepted a
 * publication, the pending marker it writes reaches the recipient's channel here, so no
 * supernode-to-supernode messages are needed.
 */
@Singleton
public class Sessions {

    private static final Logger LOG = Logger.getLogger(Sessions.class);

    private final CuratorFramework zk;
    private final SessionStore store;
    private final Publications publications;
    private final NodeIdentity identity;
    private final Directory directory;
    private final Map<SseEventSink, Channel> channels = new ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicLong OPENED = new java.util.concurrent.atomic.AtomicLong();

    Sessions(CuratorFramework zk, Publications publications, NodeIdentity identity, Directory directory) {
        this.directory = directory;
        this.zk = zk;
        this.store = new SessionStore(zk);
        this.publications = publications;
        this.identity = identity;
    }

    private final class Channel {
        final DeviceRef device;
        final SseEventSink sink;
        final Sse sse;
        final PersistentNode session;
        final long opened = OPENED.incrementAndGet();
        /**
         * The user's subtree: a new pending marker is a publication to announce; the device's node
         * gone (revoked), the user's node gone or marked disabled ends the channel at once.
         */
        final CuratorCache user;

        Channel(DeviceRef device, SseEventSink sink, Sse sse) {
            this.device = device;
            this.sink = sink;
            this.sse = sse;
            this.session = new PersistentNode(
                    zk,
                    CreateMode.EPHEMERAL,
                    false,
                    ZkLayout.session(device.user(), device.device()),
                    SessionStore.data(new SessionRecord(identity.node(), identity.zone())));
            String userPath = ZkLayout.user(device.user());
            String pendingPath = ZkLayout.pending(device.user());
            String devicePath = ZkLayout.device(device.user(), device.device());
            this.user = CuratorCache.build(zk, userPath);
            user.listenable()
                    .addListener(CuratorCacheListener.builder()
                            .forCreates(node -> {
                                if (ZKPaths.getPathAndNode(node.getPath())
                                        .getPath()
                                        .equals(pendingPath)) {
                                    announce(ZKPaths.getNodeFromPath(node.getPath()));
                                }
                            })
                            .forDeletes(node -> {
                                if (node.getPath().equals(devicePath)
                                        || node.getPath().equals(userPath)) {
                                    revoked("its device was revoked");
                                }
                            })
                            .forChanges((before, after) -> {
                                if (after.getPath().equals(userPath) && isDisabled(after.getData())) {
                                    revoked("its user was disabled");
                                }
                            })
                            .afterInitialized()
                            .build());
        }

        void open() {
            directory.touchDevice(device.user(), device.device());
            ensureParent(ZkLayout.sessions(device.user()));
            session.start();
            user.start();
            send("hello", Map.of("node", identity.node(), "zone", identity.zone()));
        }

        void announce(String publicationId) {
            // Checked again at each notice, not only when the channel opened: a revocation that
            // races the watch above still keeps the publication off a revoked device.
            if (!isStillEnrolled(device)) {
                revoked("its device or user is no longer valid");
                return;
            }
            publications
                    .find(publicationId)
                    .filter(p -> directory.isMember(p.group(), device.user()))
                    .ifPresent(p -> {
                        LOG.debugf("[publication=%s] notifying %s/%s", publicationId, device.user(), device.device());
                        send("publication", PublicationView.of(p));
                    });
        }

        synchronized void send(String name, Object data) {
            if (sink.isClosed()) {
                close(this);
                return;
            }
            var event = sse.newEventBuilder()
                    .name(name)
                    .mediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)
                    .data(new String(Json.write(data), java.nio.charset.StandardCharsets.UTF_8))
                    .build();
            try {
                sink.send(event).whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        close(this);
                    }
                });
            } catch (RuntimeException e) {
                // The daemon went away between the check and the send.
                close(this);
            }
        }

        /** Ends the channel off the watch's own thread, which the cache's close would wait on. */
        void revoked(String why) {
            LOG.infof("[user=%s] closing the push channel of device %s: %s", device.user(), device.device(), why);
            CompletableFuture.runAsync(() -> close(this));
        }

        void release() {
            user.close();
            try {
                session.close();
            } catch (Exception e) {
                LOG.debugf("closing session node of %s: %s", device, e.getMessage());
            }
            try {
                sink.close();
            } catch (RuntimeException e) {
                LOG.debugf("closing push channel of %s: %s", device, e.getMessage());
            }
        }
    }

    /**
     * Channels one device may hold open: a daemon keeps one, and a reconnect may overlap the old
     * one until a ping finds it dead; beyond that, each open channel costs a watch and a ZooKeeper
     * session node, and one token once opened 1,500 (finding M1). The oldest goes first.
     */
    static final int MAX_CHANNELS_PER_DEVICE = 2;

    /** Registers a push channel for {@code device}; it stays open until the daemon goes away. */
    public void open(DeviceRef device, SseEventSink sink, Sse sse) {
        var channel = new Channel(device, sink, sse);
        List<Channel> older = channels.values().stream()
                .filter(c -> c.device.equals(device))
                .sorted(java.util.Comparator.comparingLong(c -> c.opened))
                .toList();
        for (int i = 0; i <= older.size() - MAX_CHANNELS_PER_DEVICE; i++) {
            LOG.infof(
                    "[user=%s] device %s opened another push channel; closing its oldest",
                    device.user(), device.device());
            close(older.get(i));
        }
        channels.put(sink, channel);
        channel.open();
        LOG.infof("[user=%s] device %s connected (push channel open)", device.user(), device.device());
    }

    private void close(Channel channel) {
        if (channels.remove(channel.sink) != null) {
            channel.release();
            LOG.infof("[user=%s] device %s disconnected", channel.device.user(), channel.device.device());
        }
    }

    /** True when any device of {@code user} has a push channel open on any supernode. */
    public boolean isOnline(String user) {
        return store.isOnline(user);
    }

    /** A ping on every channel finds the ones whose daemon went away without closing its connection. */
    @Scheduled(
            every = "${swarmdrop.supernode.push-ping-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void ping() {
        channels.values().forEach(c -> c.send("ping", Map.of()));
    }

    private boolean isStillEnrolled(DeviceRef device) {
        return directory.findDevice(device.user(), device.device()).isPresent()
                && directory.findUser(device.user()).filter(u -> !u.disabled()).isPresent();
    }

    private static boolean isDisabled(byte[] userRecord) {
        try {
            return userRecord != null && Json.read(userRecord, UserRecord.class).disabled();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void ensureParent(String path) {
        try {
            zk.create().creatingParentsIfNeeded().forPath(path);
        } catch (KeeperException.NodeExistsException e) {
            // Another device of the user created it.
        } catch (Exception e) {
            throw ClusterStateException.wrap("create " + path, e);
        }
    }

    /** Channels close before the ZooKeeper client does, so no watcher fires on a closed client. */
    void closeAll(@Observes ShutdownEvent event) {
        channels.values().forEach(this::close);
    }
}
