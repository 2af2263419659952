package io.swarmdrop.daemon.lan;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
import java.net.DatagramPacket;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Channel> channels = new ArrayList<>();
    private HttpServer server;
    private volatile boolean lanMode;
    private volatile boolean running;

    /** One multicast socket and the interfaces it joined on. */
    private record Channel(MulticastSocket socket, InetAddress group, List<NetworkInterface> interfaces) {}

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

    /** Opens the multicast sockets and the metainfo server; each family that fails is logged and skipped. */
    public synchronized void start() {
        if (!config.lan().enabled() || running) {
            return;
        }
        running = true;
        open(config.lan().ipv4Group(), Inet4Address.class);
        open(config.lan().ipv6Group(), Inet6Address.class);
        try {
            server = HttpServer.create(new InetSocketAddress(config.lan().httpPort()), 8);
            server.createContext("/lan/torrent/", this::serveMetainfo);
            server.start();
        } catch (IOException e) {
            LOG.errorf("LAN: cannot serve metainfo on port %d: %s", config.lan().httpPort(), e.getMessage());
        }
        for (Channel channel : channels) {
            Thread receiver = new Thread(
                    () -> receive(channel), "lan-receive-" + channel.group().getHostAddress());
            receiver.setDaemon(true);
            receiver.start();
        }
        LOG.infof(
                "LAN: listening on UDP port %d (%s); local groups %s",
                config.lan().port(),
                channels.stream().map(c -> c.group().getHostAddress()).toList(),
                groups.names());
    }

    private void open(String address, Class<? extends InetAddress> family) {
        try {
            InetAddress group = InetAddress.getByName(address);
            var socket = new MulticastSocket(config.lan().port());
            var joined = new ArrayList<NetworkInterface>();
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (usable(nic, family)) {
                    try {
                        socket.joinGroup(new InetSocketAddress(group, 0), nic);
                        joined.add(nic);
                    } catch (IOException e) {
                        LOG.debugf("LAN: cannot join %s on %s: %s", address, nic.getName(), e.getMessage());
                    }
                }
            }
            if (joined.isEmpty()) {
                socket.close();
                LOG.warnf("LAN: no network interface takes %s multicast", address);
                return;
            }
            channels.add(new Channel(socket, group, joined));
        } catch (IOException e) {
            LOG.warnf("LAN: cannot listen for %s: %s", address, e.getMessage());
        }
    }

    private static boolean usable(NetworkInterface nic, Class<? extends InetAddress> family) {
        try {
            return nic.isUp()
                    && nic.supportsMulticast()
                    && !nic.isLoopback()
                    && nic.inetAddresses().anyMatch(family::isInstance);
        } catch (SocketException e) {
            return false;
        }
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
        int httpPort = server == null ? 0 : server.getAddress().getPort();
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
        for (Channel channel : channels) {
            for (NetworkInterface nic : channel.interfaces()) {
                try {
                    channel.socket().setNetworkInterface(nic);
                    channel.socket()
                            .send(new DatagramPacket(
                                    data,
                                    data.length,
                                    channel.group(),
                                    config.lan().port()));
                } catch (IOException e) {
                    LOG.debugf("LAN: cannot send on %s: %s", nic.getName(), e.getMessage());
                }
            }
        }
    }

    private void receive(Channel channel) {
        byte[] buffer = new byte[LanMessage.MAX_BYTES * 2];
        while (running) {
            var packet = new DatagramPacket(buffer, buffer.length);
            try {
                channel.socket().receive(packet);
            } catch (IOException e) {
                if (running) {
                    LOG.warnf("LAN: receiving stopped: %s", e.getMessage());
                }
                return;
            }
            try {
                handle(LanMessage.parse(packet.getData(), packet.getLength()), packet.getAddress());
            } catch (IOException | RuntimeException e) {
                warnOnce(
                        "junk:" + packet.getAddress(),
                        "LAN: ignored a datagram from %s that is not a Swarmdrop " + "message: %s",
                        packet.getAddress().getHostAddress(),
                        e.getMessage());
            }
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
        String host = from instanceof Inet6Address ? "[" + from.getHostAddress() + "]" : from.getHostAddress();
        URI uri = URI.create("http://" + host.replace("%", "%25") + ":" + offer.httpPort() + "/lan/torrent/"
                + offer.id() + "?proof=" + LanMessage.proof(key, offer.id()));
        try {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                LOG.warnf(
                        "LAN: %s answered %d for the metainfo of '%s'",
                        from.getHostAddress(), response.statusCode(), offer.name());
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
            if (inbox.accept(view, response.body())) {
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

    /** GET /lan/torrent/{id}?proof=hmac: the metainfo of a local-group file this device published. */
    private void serveMetainfo(HttpExchange exchange) throws IOException {
        try (exchange) {
            String id = exchange.getRequestURI().getPath().substring("/lan/torrent/".length());
            String query =
                    Optional.ofNullable(exchange.getRequestURI().getQuery()).orElse("");
            String proof = query.startsWith("proof=") ? query.substring("proof=".length()) : "";
            Optional<PublishedFile> file = journal.publishedFiles().stream()
                    .filter(p -> id.equals(p.publicationId) && groups.contains(p.groupName))
                    .findFirst();
            if (file.isEmpty()) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] key = groups.key(file.get().groupName);
            if (!LanMessage.isProof(key, id, proof)) {
                LOG.warnf(
                        "LAN: %s asked for the metainfo of '%s' without proof of the group key; refused",
                        exchange.getRemoteAddress().getAddress().getHostAddress(), file.get().fileName);
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-bittorrent");
            exchange.sendResponseHeaders(200, file.get().metainfo.length);
            exchange.getResponseBody().write(file.get().metainfo);
        }
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
        List<String> interfaces = channels.stream()
                .flatMap(c -> c.interfaces().stream().map(n -> c.group().getHostAddress() + "%" + n.getName()))
                .toList();
        String mode = !running ? "OFF" : lanMode ? "LAN" : "NORMAL";
        return new LocalStatus.Lan(mode, groups.names(), heard, interfaces);
    }

    @PreDestroy
    synchronized void stop() {
        running = false;
        channels.forEach(c -> c.socket().close());
        channels.clear();
        if (server != null) {
            server.stop(0);
        }
        fetcher.shutdownNow();
    }
}
