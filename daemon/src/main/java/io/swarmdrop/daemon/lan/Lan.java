package io.swarmdrop.daemon.lan;

import io.swarmdrop.core.api.LocalStatus;
import io.swarmdrop.core.api.PublicationView;
import io.swarmdrop.core.torrent.Metainfo;
import io.swarmdrop.daemon.DaemonConfig;
import io.swarmdrop.daemon.inbox.Inbox;
import io.swarmdrop.daemon.journal.Journal;
import io.swarmdrop.daemon.journal.PublishedFile;
import io.swarmdrop.daemon.link.Link;
import io.swarmdrop.engine.TorrentEngine;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * LAN mode: daemons on one network find each other and share files of local groups without any
 * supernode. Presence and offers go by multicast (IPv4 and IPv6 {@code ff02::1}, one UDP port);
 * offers are sealed with the group's key. Receivers holding the key fetch the sealed metainfo from
 * the sender's small HTTP server and connect to the sender's libtorrent, so the sender is the
 * file's tracker; the torrent is an SSL torrent of the group's derived root, so only key holders
 * exchange its bytes.
 *
 * <p>The daemon is in LAN mode while no supernode answers: it then says hello every
 * {@code lan.announce-every}, which {@code swarmdrop lan peers} lists. Offers of local groups go out
 * in both modes: those groups exist on the LAN only.
 */
@Singleton
public class Lan {

    private static final Logger LOG = Logger.getLogger(Lan.class);
    private static final Duration PEER_SILENCE = Duration.ofSeconds(15);
    /** How far an offer's send time may be from now: a captured offer is worthless after this. */
    static final Duration REPLAY_WINDOW = Duration.ofSeconds(60);
    /** Bounds on what datagrams can make this daemon remember (finding I9). */
    private static final int MAX_PEERS = 1_000;

    private static final int MAX_WARNINGS = 1_000;
    private static final int MAX_NONCES = 20_000;
    static final String OFFER_PURPOSE = "offer";

    private final DaemonConfig config;
    private final LocalGroups groups;
    private final Link link;
    private final Journal journal;
    private final Inbox inbox;
    private final TorrentEngine engine;
    private final Clock clock;
    private final String instance = UUID.randomUUID().toString();
    private final Map<String, LocalStatus.LanPeer> peers = new ConcurrentHashMap<>();
    private final Map<String, String> infohashes = new ConcurrentHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final ReplayGuard replays = new ReplayGuard(REPLAY_WINDOW, MAX_NONCES);
    private final java.util.concurrent.atomic.AtomicLong unreadable = new java.util.concurrent.atomic.AtomicLong();

    private final ExecutorService fetcher = Executors.newSingleThreadExecutor(r -> new Thread(r, "lan-fetch"));
    private Beacon beacon;
    private MetainfoExchange exchange;
    private volatile boolean lanMode;
    private volatile boolean running;

    Lan(
            DaemonConfig config,
            LocalGroups groups,
            Link link,
            Journal journal,
            Inbox inbox,
            TorrentEngine engine,
            Clock clock) {
        this.config = config;
        this.groups = groups;
        this.link = link;
        this.journal = journal;
        this.inbox = inbox;
        this.engine = engine;
        this.clock = clock;
    }

    /** Opens the multicast sockets and the metainfo server; each that fails is logged and left out. */
    public synchronized void start() {
        if (!config.lan().enabled() || running) {
            return;
        }
        running = true;
        try {
            exchange = MetainfoExchange.serve(config.lan().httpPort(), this::served);
        } catch (IOException e) {
            LOG.errorf("LAN: cannot serve metainfo on port %d: %s", config.lan().httpPort(), e.getMessage());
        }
        beacon = Beacon.open(
                config.lan().port(),
                config.lan().ipv4Group(),
                config.lan().ipv6Group(),
                LanMessage.MAX_BYTES,
                this::received);
        LOG.infof(
                "LAN: listening on UDP port %d (%s); local groups %s",
                config.lan().port(), beacon.groups(), groups.names());
    }

    /** Called every {@code lan.announce-every}: switches modes, says hello, repeats the offers. */
    public void announce() {
        if (!running) {
            return;
        }
        boolean alone = !link.isAttached();
        if (alone != lanMode) {
            lanMode = alone;
            LOG.infof(
                    alone
                            ? "LAN mode: no supernode answers; announcing this device on the LAN"
                            : "normal mode: a supernode answers again");
        }
        Instant now = clock.instant();
        peers.values().removeIf(p -> p.lastHeard().plus(PEER_SILENCE).isBefore(now));
        if (lanMode) {
            send(LanMessage.hello(instance, link.deviceName(), link.user(), engine.port()));
        }
        for (PublishedFile file : journal.publishedFiles()) {
            if (groups.contains(file.groupName) && file.publicationId != null) {
                offer(file);
            }
        }
    }

    private void offer(PublishedFile file) {
        String infohash = infohashes.computeIfAbsent(
                file.publicationId, id -> Metainfo.parse(file.metainfo).infohashV2());
        int httpPort = exchange == null ? 0 : exchange.port();
        GroupKey key = groups.key(file.groupName);
        var offer = new LanMessage(
                LanMessage.OFFER,
                instance,
                link.deviceName(),
                link.user(),
                engine.port(),
                httpPort,
                file.groupName,
                file.publicationId,
                file.fileName,
                file.size,
                infohash,
                System.currentTimeMillis());
        send(OFFER_PURPOSE, key.seal(OFFER_PURPOSE, offer.toBytes()));
    }

    private void send(LanMessage message) {
        send(message.type(), message.toBytes());
    }

    private void send(String what, byte[] data) {
        if (data.length > LanMessage.MAX_BYTES) {
            LOG.warnf("LAN: a %s of %d bytes is too long to send", what, data.length);
            return;
        }
        beacon.send(data);
    }

    private void received(byte[] data, int length, InetAddress from) {
        try {
            if (GroupKey.isSealed(data, length)) {
                receivedSealed(data, length, from);
            } else {
                handle(LanMessage.parse(data, length), from);
            }
        } catch (IOException | RuntimeException e) {
            warnOnce(
                    "junk:" + from,
                    "LAN: ignored a datagram from %s that is not a Swarmdrop message: %s",
                    from.getHostAddress(),
                    e.getMessage());
        }
    }

    /**
     * An offer is sealed with one local group's key: try each this device holds. One that opens
     * with none is another group's, or forged, and tells nothing; one sent too long ago, or seen
     * before, is a replay and is dropped before it can make this daemon fetch or connect anywhere.
     */
    private void receivedSealed(byte[] data, int length, InetAddress from) throws IOException {
        for (GroupKey key : groups.keys()) {
            Optional<byte[]> opened = key.open(OFFER_PURPOSE, data, length);
            if (opened.isEmpty()) {
                continue;
            }
            LanMessage offer = LanMessage.parse(opened.get(), opened.get().length);
            if (!LanMessage.OFFER.equals(offer.type()) || !key.group().equals(offer.group())) {
                warnOnce(
                        "badoffer:" + from,
                        "LAN: %s sealed something that is not an offer of its group; ignored",
                        from);
                return;
            }
            if (!replays.accept(GroupKey.nonceOf(data), offer.sentMillis(), clock.millis())) {
                LOG.debugf("LAN: dropped a replayed or stale offer of '%s' from %s", offer.name(), from);
                return;
            }
            handle(offer, from);
            return;
        }
        unreadable.incrementAndGet();
    }

    private void handle(LanMessage message, InetAddress from) {
        if (message.instance().equals(instance)) {
            return;
        }
        if (peers.size() >= MAX_PEERS && !peers.containsKey(message.instance())) {
            return;
        }
        peers.put(
                message.instance(),
                new LocalStatus.LanPeer(
                        message.device(),
                        message.user(),
                        from.getHostAddress(),
                        message.torrentPort(),
                        clock.instant()));
        if (LanMessage.OFFER.equals(message.type())) {
            handleOffer(message, from);
        }
    }

    private void handleOffer(LanMessage offer, InetAddress from) {
        String sender = offer.device() + " (" + from.getHostAddress() + ")";
        if (!groups.contains(offer.group())) {
            warnOnce(
                    "nokey:" + offer.instance() + offer.group(),
                    "LAN: %s offers files to local group '%s', which this device has no key for; ignored",
                    sender,
                    offer.group());
            return;
        }
        GroupKey key = groups.key(offer.group());
        if (offer.infohash() == null
                || offer.infohash().length() != 64
                || !offer.id().equals(LanRoute.publicationId(offer.infohash()))) {
            warnOnce("badid:" + offer.id(), "LAN: %s sent an offer whose id does not match its hash; ignored", sender);
            return;
        }
        if (journal.fetch(offer.id()).isPresent()
                || journal.publishedFiles().stream().anyMatch(p -> offer.id().equals(p.publicationId))) {
            if (engine.contains(offer.id())) {
                engine.connect(offer.id(), from.getHostAddress(), offer.torrentPort());
            }
            return;
        }
        fetcher.execute(() -> accept(offer, from, key));
    }

    private void accept(LanMessage offer, InetAddress from, GroupKey key) {
        if (journal.fetch(offer.id()).isPresent()) {
            return;
        }
        try {
            byte[] metainfo = MetainfoExchange.fetch(from, offer.httpPort(), offer.id(), key, Duration.ofSeconds(10));
            // An SSL torrent of this group's root, or nothing: a plain torrent would let any peer in.
            String root = Metainfo.parse(metainfo).peerRoot();
            if (root == null
                    || !io.swarmdrop.core.security.PeerRoots.sameKey(
                            root, key.peerRoot().certificatePem())) {
                LOG.warnf(
                        "LAN: %s offered '%s' as a torrent that is not under the group's root; refused",
                        from.getHostAddress(), offer.name());
                return;
            }
            var view = new PublicationView(
                    offer.id(),
                    offer.group(),
                    offer.name(),
                    offer.size(),
                    offer.infohash(),
                    offer.user() == null ? offer.device() : offer.user() + "@" + offer.device(),
                    Instant.ofEpochMilli(offer.sentMillis()),
                    "LIVE");
            if (inbox.accept(view, metainfo)) {
                engine.connect(offer.id(), from.getHostAddress(), offer.torrentPort());
            }
        } catch (IOException e) {
            LOG.warnf(
                    "LAN: cannot fetch the metainfo of '%s' from %s: %s",
                    offer.name(), from.getHostAddress(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.errorf(e, "LAN: cannot start fetching '%s' from %s", offer.name(), from.getHostAddress());
        }
    }

    /** The metainfo of a local-group file this device published, by its ticket, for {@link MetainfoExchange}. */
    private Optional<MetainfoExchange.Served> served(String ticket) {
        return journal.publishedFiles().stream()
                .filter(p -> p.publicationId != null && groups.contains(p.groupName))
                .filter(p -> groups.key(p.groupName).ticket(p.publicationId).equals(ticket))
                .findFirst()
                .map(p -> new MetainfoExchange.Served(p.fileName, groups.key(p.groupName), p.metainfo));
    }

    private void warnOnce(String what, String format, Object... args) {
        if (warned.size() < MAX_WARNINGS && warned.add(what)) {
            LOG.warnf(format, args);
        }
    }

    public LocalStatus.Lan status() {
        List<LocalStatus.LanPeer> heard = peers.values().stream()
                .sorted(Comparator.comparing(LocalStatus.LanPeer::device))
                .toList();
        List<String> interfaces = beacon == null ? List.of() : beacon.interfaces();
        String mode = !running ? "OFF" : lanMode ? "LAN" : "NORMAL";
        return new LocalStatus.Lan(mode, groups.names(), heard, interfaces, unreadable.get());
    }

    @PreDestroy
    synchronized void stop() {
        running = false;
        if (beacon != null) {
            beacon.close();
        }
        if (exchange != null) {
            exchange.close();
        }
        fetcher.shutdownNow();
    }
}
