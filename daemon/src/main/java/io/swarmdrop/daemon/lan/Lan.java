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
 * receivers holding the group key fetch the metainfo from the sender's small HTTP server (with a
 * proof of the key) and connect to the sender's libtorrent, so the sender is the file's tracker.
 *
 * <p>The daemon is in LAN mode while no supernode answers: it then says hello every
 * {@code lan.announce-every}, which {@code swarmdrop lan peers} lists. Offers of local groups go out
 * in both modes: those groups exist on the LAN only.
 */
@Singleton
public class Lan {

    private static final Logger LOG = Logger.getLogger(Lan.class);
    private static final Duration PEER_SILENCE = Duration.ofSeconds(15);

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
            send(LanMessage.hello(instance, link.deviceName(), link.user(), engine.plainPort()));
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
        var offer = new LanMessage(
                        LanMessage.OFFER,
                        instance,
                        link.deviceName(),
                        link.user(),
                        engine.plainPort(),
                        httpPort,
                        file.groupName,
                        file.publicationId,
                        file.fileName,
                        file.size,
                        infohash,
                        System.currentTimeMillis(),
                        null)
                .signed(groups.key(file.groupName));
        send(offer);
    }

    private void send(LanMessage message) {
        byte[] data = message.toBytes();
        if (data.length > LanMessage.MAX_BYTES) {
            LOG.warnf("LAN: a %s of %d bytes is too long to send", message.type(), data.length);
            return;
        }
        beacon.send(data);
    }

    private void received(byte[] data, int length, InetAddress from) {
        try {
            handle(LanMessage.parse(data, length), from);
        } catch (IOException | RuntimeException e) {
            warnOnce(
                    "junk:" + from,
                    "LAN: ignored a datagram from %s that is not a Swarmdrop message: %s",
                    from.getHostAddress(),
                    e.getMessage());
        }
    }

    private void handle(LanMessage message, InetAddress from) {
        if (message.instance().equals(instance)) {
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
        byte[] key = groups.key(offer.group());
        if (!offer.isSignedWith(key)) {
            warnOnce(
                    "badmac:" + offer.instance() + offer.group(),
                    "LAN: %s offered '%s' to local group '%s' without proof of the group's key; ignored",
                    sender,
                    offer.name(),
                    offer.group());
            return;
        }
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

    private void accept(LanMessage offer, InetAddress from, byte[] key) {
        if (journal.fetch(offer.id()).isPresent()) {
            return;
        }
        try {
            byte[] metainfo = MetainfoExchange.fetch(from, offer.httpPort(), offer.id(), key, Duration.ofSeconds(10));
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

    /** The metainfo of a local-group file this device published, for {@link MetainfoExchange}. */
    private Optional<MetainfoExchange.Served> served(String id) {
        return journal.publishedFiles().stream()
                .filter(p -> id.equals(p.publicationId) && groups.contains(p.groupName))
                .findFirst()
                .map(p -> new MetainfoExchange.Served(p.fileName, groups.key(p.groupName), p.metainfo));
    }

    private void warnOnce(String what, String format, Object... args) {
        if (warned.add(what)) {
            LOG.warnf(format, args);
        }
    }

    public LocalStatus.Lan status() {
        List<LocalStatus.LanPeer> heard = peers.values().stream()
                .sorted(Comparator.comparing(LocalStatus.LanPeer::device))
                .toList();
        List<String> interfaces = beacon == null ? List.of() : beacon.interfaces();
        String mode = !running ? "OFF" : lanMode ? "LAN" : "NORMAL";
        return new LocalStatus.Lan(mode, groups.names(), heard, interfaces);
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
