package io.swarmdrop.daemon;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.swarmdrop.core.api.PublicationView;
import io.swarmdrop.core.api.client.PushChannel;
import io.swarmdrop.core.api.client.SupernodeException;
import io.swarmdrop.core.api.client.UntrustedSupernodeException;
import io.swarmdrop.daemon.inbox.Inbox;
import io.swarmdrop.daemon.lan.Lan;
import io.swarmdrop.daemon.lan.LanRoute;
import io.swarmdrop.daemon.lan.LocalGroups;
import io.swarmdrop.daemon.link.Link;
import io.swarmdrop.daemon.link.ProblemReport;
import io.swarmdrop.daemon.link.SupernodeRoute;
import io.swarmdrop.daemon.outbox.Outbox;
import io.swarmdrop.daemon.route.Routes;
import io.swarmdrop.daemon.upnp.PortMapping;
import io.swarmdrop.engine.NativeLibraryException;
import io.swarmdrop.engine.TorrentEngine;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The daemon's life: start libtorrent, continue what the journal says was under way, then keep the
 * link to the supernode up (enrolment, groups, push channel, catch-up) from a maintenance job, so a
 * supernode that is down at start or goes away later is simply retried.
 */
@Singleton
public class Daemon implements PushChannel.Handler {

    private static final Logger LOG = Logger.getLogger(Daemon.class);
    /**
     * EX_CONFIG of sysexits.h, for a bad config file or no libtorrent native: the systemd unit does
     * not restart on it.
     */
    public static final int EXIT_CONFIG = 78;

    /** The supernode pings every 10 s by default; three missed pings mean the channel is dead. */
    private static final Duration PUSH_SILENCE = Duration.ofSeconds(35);

    private final ProblemReport problems;
    private final Link link;
    private final Inbox inbox;
    private final Outbox outbox;
    private final TorrentEngine engine;
    private final Folders folders;
    private final ScheduledExecutorService scanner =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-scan"));
    private final PushChannel push;
    private final Retirement retirement;
    private final DaemonConfig config;
    private final PortMapping portMapping;
    private final LocalGroups localGroups;
    private final Lan lan;
    private final Routes routes;
    private final SupernodeRoute supernodeRoute;
    private final LanRoute lanRoute;
    private volatile boolean started;
    private volatile String lastProblem;

    Daemon(
            Link link,
            Inbox inbox,
            Outbox outbox,
            TorrentEngine engine,
            Folders folders,
            Retirement retirement,
            PortMapping portMapping,
            LocalGroups localGroups,
            Lan lan,
            Routes routes,
            SupernodeRoute supernodeRoute,
            LanRoute lanRoute,
            ProblemReport problems,
            DaemonConfig config) {
        this.problems = problems;
        this.routes = routes;
        this.supernodeRoute = supernodeRoute;
        this.lanRoute = lanRoute;
        this.localGroups = localGroups;
        this.lan = lan;
        this.portMapping = portMapping;
        this.config = config;
        this.retirement = retirement;
        this.link = link;
        this.inbox = inbox;
        this.outbox = outbox;
        this.engine = engine;
        this.folders = folders;
        this.push = new PushChannel(link::client, this);
    }

    void onStart(@Observes StartupEvent event) {
        folders.createBase();
        try {
            engine.start();
        } catch (NativeLibraryException e) {
            // Nothing works without libtorrent; a service manager should not restart into the same wall.
            LOG.errorf("the daemon cannot run: %s", e.getMessage());
            Quarkus.asyncExit(EXIT_CONFIG);
            return;
        }
        portMapping.start();
        localGroups.names().forEach(folders::createGroup);
        outbox.resumeSeeding(lanRoute);
        inbox.resumeFetches(lanRoute);
        lan.start();
        LOG.infof("Swarmdrop daemon: root %s, supernodes %s", folders.root(), config.supernodes());
        started = true;
        startScanning();
        maintain();
    }

    /** Keeps the link up; every failure is logged once and retried on the next run. */
    @Scheduled(
            every = "${swarmdrop.daemon.maintain-every:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void maintain() {
        if (!started) {
            return;
        }
        try {
            boolean firstLink = !link.isEnrolled();
            link.ensureAttached();
            if (firstLink) {
                outbox.resumeSeeding(supernodeRoute);
                inbox.resumeFetches(supernodeRoute);
            }
            engine.replaceTrackers(link.trackerUrls());
            if (push.isOpenToAnotherThan(link.client())) {
                push.close();
            }
            supernodeRoute.refreshGroupsWhenDue();
            if (push.isSilentFor(PUSH_SILENCE)) {
                LOG.warnf("no word from the supernode for %s; reconnecting the push channel", PUSH_SILENCE);
                push.close();
            }
            if (!push.isOpen()) {
                push.open();
            }
            inbox.maintain();
            problems.sendIfChanged();
            if (lastProblem != null) {
                LOG.infof(
                        "connected to the supernode at %s again", link.client().baseUrl());
                lastProblem = null;
            }
        } catch (UntrustedSupernodeException e) {
            // Retrying would not change the certificate; a service manager must not restart into it.
            LOG.errorf("the daemon stops: %s", e.getMessage());
            started = false;
            Quarkus.asyncExit(EXIT_CONFIG);
        } catch (SupernodeException e) {
            if (e.status() == 401 && link.isEnrolled()) {
                link.forgetEnrolment();
            }
            if (e.status() == 0) {
                link.detach(e.getMessage());
            }
            if (!e.getMessage().equals(lastProblem)) {
                LOG.warnf("supernode link: %s (retrying every few seconds)", e.getMessage());
                lastProblem = e.getMessage();
            }
        }
    }

    /**
     * Scans the outboxes every {@code scan-every} on a thread of its own: Quarkus' scheduler checks
     * its triggers once a second, which made a 250 ms setting a 1 s one and put up to two seconds
     * between a drop and its publication (see docs/BENCHMARKS.md).
     */
    private void startScanning() {
        long every = Math.max(50, config.scanEvery().toMillis());
        scanner.scheduleWithFixedDelay(
                () -> {
                    try {
                        scanOutbox();
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "outbox scan failed; trying again");
                    }
                },
                0,
                every,
                TimeUnit.MILLISECONDS);
    }

    void scanOutbox() {
        if (!started) {
            return;
        }
        Set<String> scanned = routes.groups();
        if (!scanned.isEmpty()) {
            outbox.scan(scanned);
        }
    }

    /** Presence and local-group offers on the LAN (see {@link Lan}). */
    @Scheduled(
            every = "${swarmdrop.daemon.lan.announce-every:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void announceOnLan() {
        if (started) {
            lan.announce();
        }
    }

    @Scheduled(
            every = "${swarmdrop.daemon.resume-data-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void saveResumeData() {
        if (started) {
            inbox.saveResumeData();
        }
    }

    /** Keeps the record of which peers each transfer talked to (see /local/status). */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void samplePeers() {
        if (started) {
            engine.samplePeers();
        }
    }

    /** Gives SSL torrents a peer certificate they still lack, or a renewed one (see {@link PeerCertificates}). */
    @Scheduled(
            every = "${swarmdrop.daemon.renew-certificates-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void renewCertificates() {
        if (started) {
            engine.renewCertificates();
        }
    }

    /** Stops seeding publications the supernodes removed. */
    @Scheduled(every = "${swarmdrop.daemon.retire-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retireRemoved() {
        if (started && link.isEnrolled()) {
            retirement.retireRemoved();
        }
    }

    @Override
    public void connected() {
        LOG.infof("[user=%s] push channel open; catching up", link.user());
        inbox.catchUp(link.client().pending());
        for (PublicationView missed : link.client().expired()) {
            LOG.warnf(
                    "[publication=%s] '%s' from %s in group %s expired on the supernodes before it reached this device",
                    missed.id(), missed.name(), missed.publisher(), missed.group());
            link.client().dismissExpired(missed.id());
        }
    }

    @Override
    public void publication(PublicationView publication) {
        inbox.offer(publication);
    }

    public boolean isConnected() {
        return push.isOpen();
    }

    /** The user's groups on the supernodes (local groups are the LAN's). */
    public Set<String> groups() {
        return supernodeRoute.groups();
    }

    /** Stops the jobs before the journal and libtorrent go away. */
    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        started = false;
        scanner.shutdown();
        scanner.awaitTermination(30, TimeUnit.SECONDS);
        push.close();
    }
}
