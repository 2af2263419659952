package io.swarmdrop.daemon.inbox;

import io.swarmdrop.core.api.PublicationView;
import io.swarmdrop.core.api.TransferStatus;
import io.swarmdrop.core.cluster.Names;
import io.swarmdrop.core.files.FileTrees;
import io.swarmdrop.core.torrent.InvalidMetainfoException;
import io.swarmdrop.core.torrent.Metainfo;
import io.swarmdrop.daemon.Folders;
import io.swarmdrop.daemon.journal.Fetch;
import io.swarmdrop.daemon.journal.Journal;
import io.swarmdrop.daemon.route.Route;
import io.swarmdrop.daemon.route.RouteException;
import io.swarmdrop.daemon.route.Routes;
import io.swarmdrop.engine.MetainfoCheck;
import io.swarmdrop.engine.NativeNames;
import io.swarmdrop.engine.ResumeFiles;
import io.swarmdrop.engine.TorrentEngine;
import io.swarmdrop.engine.TransferListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Receives every publication for the user's groups on its own: downloads into a hidden staging
 * folder, lets libtorrent verify every piece against the v2 hashes, then links the finished file
 * into {@code inbox/<group>/} in one step (never over an existing name) and acknowledges it.
 */
@Singleton
public class Inbox implements TransferListener {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final Routes routes;
    private final Journal journal;
    private final TorrentEngine engine;
    private final Folders folders;
    private final ResumeFiles resume;

    /** Room a fetch must leave on its disk: the journal, resume data and logs are written there too. */
    static final long RESERVE = 16L << 20;

    /** Fetches held back until their disk has room, with the reason (told once). */
    private final Map<String, String> waitingForRoom = new ConcurrentHashMap<>();

    private final Clock clock;
    /** Deliveries and journal writes triggered by libtorrent alerts run here, off the alert thread. */
    private static final Duration NUDGE_EVERY = Duration.ofSeconds(5);

    private final Map<String, Instant> lastNudge = new ConcurrentHashMap<>();
    /** The last tenth of each fetch reported to the supernodes. */
    private final Map<String, Integer> reportedTenth = new ConcurrentHashMap<>();
    /** Publications announced to this device that could not be accepted yet (a supernode failed); retried by {@link #maintain}. */
    private final Map<String, PublicationView> notYetAccepted = new ConcurrentHashMap<>();

    /** After a finished alert, how long to wait before each new look at a status that does not show it yet. */
    private static final long[] RECHECK_MILLIS = {20, 50, 100, 200, 400};

    private final ScheduledExecutorService worker =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "inbox"));

    public Inbox(Routes routes, Journal journal, TorrentEngine engine, Folders folders, Clock clock) {
        this.clock = clock;
        this.routes = routes;
        this.journal = journal;
        this.engine = engine;
        this.folders = folders;
        this.resume = new ResumeFiles(folders.resume());
        engine.addListener(this);
    }

    /** Accepts a publication announced to this device; repeated announcements change nothing. */
    public synchronized void accept(PublicationView publication) {
        if (journal.fetch(publication.id()).isPresent()) {
            return;
        }
        accept(publication, routes.forPublication(publication.id()).metainfo(publication));
    }

    /**
     * Starts fetching a publication whose metainfo came with it (LAN offers); true if it is now
     * being fetched, false if it was known already or refused (the journal says why).
     */
    public synchronized boolean accept(PublicationView publication, byte[] bytes) {
        if (journal.fetch(publication.id()).isPresent()) {
            return false;
        }
        if (!Names.isValid(publication.group())) {
            LOG.errorf("[publication=%s] ignored: invalid group name '%s'", publication.id(), publication.group());
            return false;
        }
        Metainfo metainfo;
        try {
            metainfo = MetainfoCheck.parse(bytes);
            if (!metainfo.infohashV2().equals(publication.infohashV2())
                    || !metainfo.name().equals(publication.name())) {
                throw new InvalidMetainfoException("the metainfo does not match the publication's hash and name");
            }
        } catch (InvalidMetainfoException e) {
            LOG.errorf(
                    "[publication=%s] refused from %s in group %s: %s",
                    publication.id(), publication.publisher(), publication.group(), e.getMessage());
            journal.rejectFetch(
                    publication.id(),
                    publication.group(),
                    String.valueOf(publication.name()),
                    publication.size(),
                    e.getMessage());
            return false;
        }
        journal.startFetch(publication.id(), publication.group(), metainfo.name(), metainfo.size(), bytes);
        folders.createGroup(publication.group());
        if (hasRoom(publication.id(), metainfo.name(), metainfo.size())) {
            start(publication.id(), metainfo, null);
        }
        LOG.infof(
                "[publication=%s] fetching '%s' (%d bytes) from %s in group %s",
                publication.id(), metainfo.name(), metainfo.size(), publication.publisher(), publication.group());
        return true;
    }

    /** Accepts everything the supernode lists as pending (the catch-up after every connect). */
    public void catchUp(List<PublicationView> pending) {
        pending.forEach(this::offer);
    }

    /** Accepts a publication now or, when its route cannot give its metainfo yet, on a later {@link #maintain}. */
    public void offer(PublicationView publication) {
        try {
            accept(publication);
            notYetAccepted.remove(publication.id());
        } catch (RouteException e) {
            if (notYetAccepted.put(publication.id(), publication) == null) {
                LOG.warnf("[publication=%s] not accepted yet (%s); retrying", publication.id(), e.getMessage());
            }
        }
    }

    /** Puts a fetch the journal holds back into libtorrent, from its resume data when there is some. */
    private void continueFetch(String id) {
        journal.fetchWithData(id)
                .ifPresent(f ->
                        start(id, Metainfo.parse(f.metainfo), resume.read(id).orElse(null)));
    }

    private void start(String id, Metainfo metainfo, byte[] resumeData) {
        engine.add(id, metainfo, folders.staging(id), routes.forPublication(id).trackers(), false, resumeData);
    }

    /**
     * Seeds a delivered file from the inbox, so the other recipients fetch from each other and not
     * only from the publisher and the supernodes. Seed mode checks each piece against its hash
     * before sending it, so a file edited in the inbox is never served as the publication.
     */
    private void seed(String id, Fetch fetch) {
        if (fetch.deliveredPath == null) {
            return;
        }
        Path file = Path.of(fetch.deliveredPath);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            engine.add(
                    id,
                    Metainfo.parse(fetch.metainfo),
                    file.getParent(),
                    file.getFileName().toString(),
                    routes.forPublication(id).trackers(),
                    true,
                    null);
        } catch (RuntimeException e) {
            LOG.warnf("[publication=%s] not seeding %s: %s", id, file, e.getMessage());
        }
    }

    /**
     * Puts every unfinished fetch of {@code route}'s publications back into libtorrent after a
     * restart, and seeds their delivered files again: the LAN's at start (their peers come back by
     * multicast), the supernodes' once one answers.
     */
    public void resumeFetches(Route route) {
        for (Fetch.State state : List.of(Fetch.State.DELIVERED, Fetch.State.ACKNOWLEDGED)) {
            for (Fetch fetch : journal.fetches(state)) {
                if (!fetch.retired && routes.forPublication(fetch.publicationId) == route) {
                    journal.fetchWithData(fetch.publicationId).ifPresent(f -> seed(f.publicationId, f));
                }
            }
        }
        for (Fetch fetch : journal.fetches(Fetch.State.FETCHING)) {
            if (routes.forPublication(fetch.publicationId) != route) {
                continue;
            }
            journal.noteFetch(fetch.publicationId, null); // a wait for room is found again if it still holds
            continueFetch(fetch.publicationId);
            LOG.infof("[publication=%s] continuing the fetch of '%s'", fetch.publicationId, fetch.fileName);
        }
    }

    /**
     * A fetch whose first announce reached the tracker before the publisher's and the supernode's
     * starts with no peers, and libtorrent would wait its minimum announce interval (minutes)
     * before asking again. Ask again now, at most every {@link #NUDGE_EVERY}.
     */
    private void nudgeIfAlone(String id) {
        Optional<TransferStatus> status = engine.status(id);
        Instant now = clock.instant();
        if (status.isPresent() && !status.get().finished() && status.get().peers() == 0) {
            Instant last = lastNudge.get(id);
            if (last == null || last.plus(NUDGE_EVERY).isBefore(now)) {
                lastNudge.put(id, now);
                engine.reannounce(id);
            }
        } else {
            lastNudge.remove(id);
        }
    }

    @Override
    public void finished(String key) {
        worker.execute(() -> deliverWhenFinished(key, 0));
    }

    /**
     * A finished alert now and then meets a status that still shows the download under way (seen in
     * the benchmark: such a 1 MiB delivery waited for the next {@link #maintain} round, a second
     * later). Look again a few times within a second; {@link #maintain} stays the backstop.
     */
    private void deliverWhenFinished(String id, int attempt) {
        if (deliverIfFinished(id) || attempt >= RECHECK_MILLIS.length) {
            return;
        }
        try {
            worker.schedule(() -> deliverWhenFinished(id, attempt + 1), RECHECK_MILLIS[attempt], TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Shutting down: the next start resumes the fetch.
        }
    }

    @Override
    public void resumeData(String key, byte[] data) {
        worker.execute(() -> {
            // libtorrent's last resume data can arrive after the delivery, which deleted the file.
            if (journal.fetch(key).map(f -> f.state == Fetch.State.FETCHING).orElse(false)) {
                resume.write(key, data);
            }
        });
    }

    @Override
    public void failed(String key, String message) {
        worker.execute(() -> {
            Optional<Fetch> fetch = journal.fetch(key);
            if (fetch.isPresent() && fetch.get().state != Fetch.State.FETCHING) {
                // The delivered copy it seeded was moved, deleted or changed in the inbox: the
                // user's to do. Stop offering it; the others fetch from the rest of the swarm.
                // (libtorrent reports one failure twice, as a torrent and as a file error.)
                if (!engine.contains(key)) {
                    return;
                }
                engine.remove(key, false);
                LOG.infof(
                        "[publication=%s] no longer seeding '%s' from the inbox: %s",
                        key, fetch.get().fileName, message);
            } else {
                LOG.errorf("[publication=%s] fetch failed: %s", key, message);
            }
        });
    }

    /**
     * Retries fetches that failed (a full disk frees up, a folder comes back), delivers finished
     * ones and acknowledges delivered ones: this also covers alerts missed across a restart.
     */
    public void maintain() {
        notYetAccepted.values().forEach(this::offer);
        for (Fetch fetch : journal.fetches(Fetch.State.FETCHING)) {
            if (!engine.contains(fetch.publicationId)) {
                if (waitingForRoom.containsKey(fetch.publicationId)
                        && hasRoom(fetch.publicationId, fetch.fileName, fetch.size)) {
                    continueFetch(fetch.publicationId);
                }
                continue;
            }
            if (engine.hasError(fetch.publicationId)
                    && hasRoom(fetch.publicationId, fetch.fileName, fetch.size - done(fetch.publicationId))
                    && engine.retryFailed(fetch.publicationId)) {
                LOG.infof(
                        "[publication=%s] retrying the fetch of '%s' after an error",
                        fetch.publicationId, fetch.fileName);
            }
            nudgeIfAlone(fetch.publicationId);
            reportProgress(fetch.publicationId);
            deliverIfFinished(fetch.publicationId);
        }
        for (Fetch fetch : journal.fetches(Fetch.State.DELIVERED)) {
            acknowledge(fetch.publicationId);
        }
    }

    /**
     * True if the disk that takes the staged files has room for {@code needed} more bytes and
     * {@link #RESERVE} besides. Otherwise the fetch waits (not started, or not retried after
     * libtorrent stopped it on a full disk) and says so once, in the log and in the status; the next
     * {@link #maintain} round that finds room starts it again and says that too. Placing the file
     * costs no space: it is a hard link.
     */
    private boolean hasRoom(String id, String name, long needed) {
        long free;
        try {
            free = Files.getFileStore(folders.root()).getUsableSpace();
        } catch (IOException e) {
            return true; // cannot tell: let libtorrent try, and fail with its own reason
        }
        if (free >= needed + RESERVE) {
            if (waitingForRoom.remove(id) != null) {
                journal.noteFetch(id, null);
                LOG.infof("[publication=%s] there is room on disk again: fetching '%s'", id, name);
            }
            return true;
        }
        String reason = "waiting for disk space: it needs %d MiB more (%d MiB kept free), %d MiB are free in %s"
                .formatted(mib(needed), mib(RESERVE), mib(free), folders.root());
        if (waitingForRoom.put(id, reason) == null) {
            journal.noteFetch(id, reason);
            LOG.warnf("[publication=%s] '%s' is %s", id, name, reason);
        }
        return false;
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    private long done(String id) {
        return engine.status(id).map(TransferStatus::totalDone).orElse(0L);
    }

    /**
     * Tells the supernodes how far a fetch is, for the console, each time it passes another tenth:
     * about ten small writes per fetch, however long it runs.
     */
    private void reportProgress(String id) {
        Optional<TransferStatus> status = engine.status(id);
        if (status.isEmpty()) {
            return;
        }
        int tenth = (int) Math.floor(status.get().progress() * 10);
        if (tenth > reportedTenth.getOrDefault(id, -1)) {
            try {
                routes.forPublication(id).progress(id, status.get().totalDone());
                reportedTenth.put(id, tenth);
            } catch (RouteException e) {
                LOG.debugf("[publication=%s] progress not reported: %s", id, e.getMessage());
            }
        }
    }

    /** Asks libtorrent for resume data of every unfinished fetch; it arrives in {@link #resumeData}. */
    public void saveResumeData() {
        for (Fetch fetch : journal.fetches(Fetch.State.FETCHING)) {
            engine.saveResumeData(fetch.publicationId);
        }
    }

    /** Delivers a finished fetch; false only when libtorrent does not show it finished (yet). */
    private synchronized boolean deliverIfFinished(String id) {
        Optional<Fetch> found = journal.fetch(id);
        if (found.isEmpty() || found.get().state != Fetch.State.FETCHING) {
            return true;
        }
        Fetch fetch = found.get();
        Optional<TransferStatus> status = engine.status(id);
        if (status.isEmpty() || !status.get().finished() || status.get().totalDone() != fetch.size) {
            return false;
        }
        Path staged = folders.staging(id).resolve(NativeNames.forDownload(fetch.fileName));
        try {
            if (Files.size(staged) != fetch.size) {
                LOG.errorf(
                        "[publication=%s] staged file has %d bytes, expected %d; not delivering",
                        id, Files.size(staged), fetch.size);
                return true;
            }
            engine.remove(id, false);
            Path delivered = Delivery.place(staged, folders.inbox(fetch.groupName), fetch.fileName);
            journal.delivered(id, delivered.toString(), status.get().downloaded());
            deleteQuietly(folders.staging(id));
            resume.delete(id);
            LOG.infof("[publication=%s] delivered %s", id, delivered);
            journal.fetchWithData(id).ifPresent(f -> seed(id, f));
        } catch (IOException e) {
            LOG.errorf("[publication=%s] cannot move '%s' into the inbox: %s", id, fetch.fileName, e.getMessage());
            return true;
        }
        acknowledge(id);
        return true;
    }

    private void acknowledge(String id) {
        try {
            routes.forPublication(id).acknowledge(id);
            journal.acknowledged(id);
        } catch (RouteException e) {
            if (e.isRetryable()) {
                LOG.warnf("[publication=%s] receipt not sent yet: %s", id, e.getMessage());
            } else {
                LOG.errorf("[publication=%s] receipt refused: %s", id, e.getMessage());
                journal.acknowledged(id);
            }
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            FileTrees.delete(folder);
        } catch (IOException e) {
            LOG.debugf("staging folder %s not removed: %s", folder, e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }
}
