package io.swarmdrop.daemon.link;

import io.swarmdrop.core.api.Supernodes;
import io.swarmdrop.core.api.client.SupernodeClient;
import io.swarmdrop.core.api.client.SupernodeException;
import io.swarmdrop.core.api.client.SupernodeTrust;
import io.swarmdrop.core.api.client.UntrustedSupernodeException;
import io.swarmdrop.core.directory.Enrolment;
import io.swarmdrop.core.net.Hosts;
import io.swarmdrop.daemon.DaemonConfig;
import io.swarmdrop.daemon.journal.Journal;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * This device's link to the supernodes of its zone: the enrolment (kept in the journal, so the
 * password is needed only once), the supernode it is attached to, and the API client that carries
 * its token.
 *
 * <p>The daemon is configured with one or more supernode addresses. It learns the live supernodes
 * from whichever answers ({@code GET /api/supernodes}), keeps those of its zone (configured, or the
 * zone of the first supernode it enrolled with), and attaches to the one with the lowest measured
 * round-trip time. When that one stops answering, {@link #detach} makes the next
 * {@link #ensureAttached} choose again among the others. Every supernode of the zone is a tracker
 * of every torrent ({@link #trackerUrls}), so the swarm stays whole whichever one is attached.
 */
@Singleton
public class Link {

    private static final Logger LOG = Logger.getLogger(Link.class);
    private static final Duration REFRESH = Duration.ofSeconds(30);
    private static final int PINGS = 3;

    private final DaemonConfig config;
    private final Journal journal;
    private final Clock clock;
    private final SupernodeTrust trust;
    private volatile SupernodeClient client;
    private volatile boolean attached;
    private volatile Instant refreshed = Instant.EPOCH;
    /** The live supernodes of this device's zone, by URL; empty until one answered. */
    private volatile List<Supernodes.Supernode> zoneSupernodes = List.of();
    /** Supernodes already reported as advertising loopback (a handful at most: the zone's). */
    private final Set<String> reportedLoopback = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Listed supernodes whose certificate this daemon does not trust, reported once each. */
    private final Set<String> reportedUntrusted = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private volatile String token;
    private volatile String passkey;
    private volatile String user;
    private volatile String device;

    Link(DaemonConfig config, Journal journal, Clock clock) {
        this.config = config;
        this.journal = journal;
        this.clock = clock;
        this.trust = new SupernodeTrust(config.trustCa().map(java.nio.file.Path::of), config.trustCaSha256());
        config.supernodes().forEach(SupernodeTrust::requireSecure);
        this.client = new SupernodeClient(config.supernodes().get(0), () -> token, trust);
    }

    /** The client of the supernode attached to (or last attached to, while none answers). */
    public SupernodeClient client() {
        return client;
    }

    public boolean isAttached() {
        return attached;
    }

    public boolean isEnrolled() {
        return token != null;
    }

    public String user() {
        return user;
    }

    public String device() {
        return device;
    }

    /** This device's zone, once known. */
    public Optional<String> zone() {
        return config.zone().or(() -> journal.setting("zone"));
    }

    /** The announce URL of every live supernode of this zone; none before enrolment. */
    public List<String> trackerUrls() {
        if (passkey == null) {
            return List.of();
        }
        var urls = new ArrayList<String>();
        for (Supernodes.Supernode supernode : zoneSupernodes) {
            urls.add(SupernodeClient.trackerUrl(supernode.url()));
        }
        if (urls.isEmpty()) {
            urls.add(SupernodeClient.trackerUrl(client.baseUrl()));
        }
        return urls;
    }

    /** This device's tracker passkey, sent in a header of each announce; null before enrolment. */
    public String passkey() {
        return passkey;
    }

    /**
     * Attaches to the nearest live supernode of this zone when not attached, enrolling first if
     * this device never did, and refreshes the list of live supernodes every half minute. Throws
     * {@link SupernodeException} when no supernode answers.
     */
    public synchronized void ensureAttached() {
        if (!attached) {
            attach(candidates());
        }
        ensureEnrolled();
        if (refreshed.plus(REFRESH).isBefore(clock.instant())) {
            refresh();
        }
    }

    /** The attached supernode failed; the next {@link #ensureAttached} chooses again. */
    public void detach(String why) {
        if (attached) {
            LOG.warnf("lost the supernode at %s (%s); attaching to another of the zone", client.baseUrl(), why);
        }
        attached = false;
        refreshed = Instant.EPOCH;
    }

    /** Every known supernode of the zone, or the configured addresses when none is known yet. */
    private List<String> candidates() {
        Set<String> urls = new LinkedHashSet<>();
        zoneSupernodes.forEach(s -> urls.add(s.url()));
        urls.addAll(config.supernodes());
        return List.copyOf(urls);
    }

    /** Attaches to the candidate with the lowest round-trip time. */
    private void attach(List<String> urls) {
        Map<Duration, String> answered = new TreeMap<>();
        for (String url : urls) {
            try {
                SupernodeClient.roundTrip(url, PINGS, trust).ifPresent(rtt -> answered.putIfAbsent(rtt, url));
            } catch (UntrustedSupernodeException e) {
                if (config.supernodes().contains(url)) {
                    throw e;
                }
                // Listed by the cluster, yet not of its CA: a forged registration, or a misissued
                // certificate. Never attached to, so no token goes there.
                if (reportedUntrusted.add(url)) {
                    LOG.errorf("ignoring a supernode the cluster lists: %s", e.getMessage());
                }
            }
        }
        if (answered.isEmpty()) {
            throw new SupernodeException(0, "no supernode answers at " + String.join(", ", urls));
        }
        var nearest = answered.entrySet().iterator().next();
        if (!SupernodeClient.sameUrl(nearest.getValue(), client.baseUrl())) {
            client = new SupernodeClient(nearest.getValue(), () -> token, trust);
        }
        attached = true;
        LOG.infof(
                "attached to the supernode at %s (round trip %.1f ms; %d of %d supernodes answered)",
                client.baseUrl(), nearest.getKey().toNanos() / 1e6, answered.size(), urls.size());
    }

    /** Learns the live supernodes; re-attaches when the attached one is not of this device's zone. */
    private void refresh() {
        Supernodes answer = client.supernodes();
        String zone = zone().orElse(answer.zone());
        if (config.zone().isEmpty() && journal.setting("zone").isEmpty()) {
            journal.setting("zone", zone);
            LOG.infof("[zone=%s] this device's zone is that of the supernode it first attached to", zone);
        }
        List<Supernodes.Supernode> mine = answer.live().stream()
                .filter(s -> s.zone().equals(zone))
                .filter(this::reachable)
                .sorted(Comparator.comparing(Supernodes.Supernode::node))
                .toList();
        if (mine.isEmpty()) {
            LOG.warnf("[zone=%s] no live supernode of this zone; staying with %s", zone, client.baseUrl());
            return;
        }
        if (!mine.equals(zoneSupernodes)) {
            LOG.infof(
                    "[zone=%s] live supernodes: %s",
                    zone, mine.stream().map(s -> s.node() + " " + s.url()).toList());
        }
        zoneSupernodes = mine;
        refreshed = clock.instant();
        boolean inZone = mine.stream().anyMatch(s -> SupernodeClient.sameUrl(s.url(), client.baseUrl()));
        if (!inZone) {
            attach(mine.stream().map(Supernodes.Supernode::url).toList());
        }
    }

    /**
     * A supernode that advertises a loopback URL while this device reaches its supernode at another
     * address is on another host: its URL would lead this device to itself. It is left out (no
     * attaching to it, no announcing to it) and reported once, naming the setting that fixes it.
     */
    private boolean reachable(Supernodes.Supernode supernode) {
        if (!Hosts.isLoopback(Hosts.hostOf(supernode.url())) || Hosts.isLoopback(Hosts.hostOf(client.baseUrl()))) {
            return true;
        }
        if (reportedLoopback.add(supernode.node())) {
            LOG.errorf(
                    "[zone=%s] supernode %s advertises %s, a loopback URL this device cannot reach; ignoring it"
                            + " (its operator must set swarmdrop.supernode.public-url)",
                    supernode.zone(), supernode.node(), supernode.url());
        }
        return false;
    }

    /** Loads the enrolment from the journal, or enrols with the configured credentials. */
    private void ensureEnrolled() {
        if (token != null) {
            return;
        }
        var stored = journal.setting("token");
        if (stored.isPresent()) {
            token = stored.get();
            passkey = journal.setting("passkey").orElseThrow();
            user = journal.setting("user").orElseThrow();
            device = journal.setting("device").orElseThrow();
            return;
        }
        if (journal.setting("user").isPresent()) {
            // Enrolled before, and the token was refused since: revoked, or the cluster state was
            // reset. Sending the configured password again by itself would undo a revocation, and
            // hand the password to whoever answered 401 (finding A9); a person enrols it again.
            throw new SupernodeException(
                    401,
                    "this device's token was refused (revoked, or the cluster state was reset);"
                            + " enrol it again with: swarmdrop enrol");
        }
        String name = config.user()
                .orElseThrow(() -> new SupernodeException(
                        401, "this device is not enrolled: set swarmdrop.daemon.user and swarmdrop.daemon.password"));
        String password = config.password()
                .orElseThrow(() -> new SupernodeException(
                        401, "this device is not enrolled: set swarmdrop.daemon.password for the first start"));
        keep(client.login(name, password, newDeviceName()));
    }

    /** Keeps an enrolment in the journal (so the password is needed only once) and uses it from now on. */
    private void keep(Enrolment enrolment) {
        journal.setting("user", enrolment.user());
        journal.setting("device", enrolment.device());
        journal.setting("passkey", enrolment.passkey());
        journal.setting("token", enrolment.token());
        user = enrolment.user();
        device = enrolment.device();
        passkey = enrolment.passkey();
        token = enrolment.token();
        LOG.infof("[user=%s] enrolled as device %s at %s", user, device, client.baseUrl());
    }

    /**
     * Enrols this device as {@code user} now, replacing any earlier enrolment (the command's
     * {@code enrol}). The password is used once and not kept.
     */
    public synchronized void enrol(String name, String password, String deviceName) {
        if (!attached) {
            attach(candidates());
        }
        keep(client.login(name, password, deviceName == null ? newDeviceName() : deviceName));
    }

    /**
     * The supernode no longer accepts the token (revoked): forget it. The daemon does not enrol
     * again by itself; {@link #enrol} (the command's {@code enrol}) does.
     */
    public void forgetEnrolment() {
        LOG.errorf(
                "[user=%s] the supernode refused device %s's token (revoked?); it stays unenrolled until"
                        + " someone runs: swarmdrop enrol",
                user, device);
        journal.removeSetting("token");
        token = null;
    }

    /** The name this device is known by: its enrolled name, else the one it would enrol under. */
    public String deviceName() {
        String enrolled = device;
        return enrolled != null ? enrolled : newDeviceName();
    }

    /** The name to enrol under: configured, else the host name. */
    private String newDeviceName() {
        return config.deviceName().orElseGet(Link::hostname);
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
