package io.swarmdrop.daemon.outbox;

import io.swarmdrop.core.api.LocalStatus;
import io.swarmdrop.core.files.FileNames;
import io.swarmdrop.core.torrent.InvalidMetainfoException;
import io.swarmdrop.core.torrent.Metainfo;
import io.swarmdrop.daemon.DaemonConfig;
import io.swarmdrop.daemon.Folders;
import io.swarmdrop.daemon.journal.FileVersion;
import io.swarmdrop.daemon.journal.Journal;
import io.swarmdrop.daemon.journal.PublishedFile;
import io.swarmdrop.daemon.route.Route;
import io.swarmdrop.daemon.route.RouteException;
import io.swarmdrop.daemon.route.Routes;
import io.swarmdrop.engine.TorrentCreator;
import io.swarmdrop.engine.TorrentEngine;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Publishes what is dropped into {@code outbox/<group>/}: a file counts as complete once its size
 * and modification time have not changed for a while (a file still being copied in keeps growing;
 * one locked by its writer cannot be read and is tried again); temporary and hidden names are
 * never published. The journal remembers each published version, so a restart publishes nothing
 * twice, a rename is followed rather than published again, and deleting a published file
 * unpublishes nothing. A file is read once, to hash it; it is then seeded without a second check.
 */
@Singleton
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);

    private record Observation(long size, long modifiedMillis, Instant since) {}

    private final Routes routes;
    private final Journal journal;
    private final TorrentEngine engine;
    private final Folders folders;
    private final Clock clock;
    private final Duration stableFor;
    private final Map<Path, Observation> observed = new HashMap<>();
    private final Set<String> warnedFolders = new HashSet<>();
    private final Map<Path, LocalStatus.Hashing> hashing = new ConcurrentHashMap<>();
    /** Files a route could not take yet: when to ask again, with the torrent already made. */
    private final Map<Path, Retry> retries = new HashMap<>();

    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    static final Duration LONGEST_PAUSE = Duration.ofMinutes(1);

    /**
     * A publish call to try again no sooner than {@code notBefore}, for this version of the file,
     * with the torrent made for it under {@code peerRoot}; {@code reason} is the last failure,
     * logged when it changes.
     */
    private record Retry(
            FileVersion version,
            String peerRoot,
            Metainfo metainfo,
            Instant notBefore,
            Duration pause,
            String reason) {}

    @Inject
    Outbox(Routes routes, Journal journal, TorrentEngine engine, Folders folders, Clock clock, DaemonConfig config) {
        this(routes, journal, engine, folders, clock, config.outbox().stableFor());
    }

    public Outbox(
            Routes routes, Journal journal, TorrentEngine engine, Folders folders, Clock clock, Duration stableFor) {
        this.routes = routes;
        this.journal = journal;
        this.engine = engine;
        this.folders = folders;
        this.clock = clock;
        this.stableFor = stableFor;
    }

    /** One pass over the outbox folders of {@code groups}. */
    public synchronized void scan(Set<String> groups) {
        warnAboutUnknownFolders(groups);
        var present = new HashSet<Path>();
        for (String group : groups) {
            for (Path file : files(folders.outbox(group))) {
                present.add(file);
                scanFile(group, file);
            }
        }
        observed.keySet().retainAll(present);
        retries.keySet().retainAll(present);
    }

    private void scanFile(String group, Path file) {
        String name = file.getFileName().toString();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return; // Gone or unreadable right now; the next scan looks again.
        }
        long size = attributes.size();
        long modified = attributes.lastModifiedTime().toMillis();
        Observation seen = observed.get(file);
        Instant now = clock.instant();
        if (seen == null || seen.size() != size || seen.modifiedMillis() != modified) {
            observed.put(file, new Observation(size, modified, now));
            return;
        }
        if (seen.since().plus(stableFor).isAfter(now)) {
            return;
        }
        Object key = attributes.fileKey();
        var version = new FileVersion(group, name, size, modified, key == null ? null : key.toString());
        if (journal.published(version).isPresent()) {
            return;
        }
        Optional<PublishedFile> before = renamedFrom(version);
        if (before.isPresent()) {
            followRename(before.get(), version, file);
            return;
        }
        Retry retry = retries.get(file);
        if (retry != null && retry.version().equals(version) && now.isBefore(retry.notBefore())) {
            return;
        }
        publish(version, file);
    }

    /**
     * The published file {@code version} was renamed from, if any: one of this group with the same
     * size and time whose old name is gone from the outbox, and the same file key where the file
     * system has keys (a copy has another key, so it is published as a new file).
     */
    private Optional<PublishedFile> renamedFrom(FileVersion version) {
        Path folder = folders.outbox(version.group());
        return journal.publishedUnderOtherNames(version).stream()
                .filter(entry ->
                        entry.fileKey == null || version.fileKey() == null || entry.fileKey.equals(version.fileKey()))
                .filter(entry -> !Files.exists(folder.resolve(entry.fileName), LinkOption.NOFOLLOW_LINKS))
                .findFirst();
    }

    /** Keeps seeding a renamed file under its new name; recipients keep the name it was published under. */
    private void followRename(PublishedFile entry, FileVersion version, Path file) {
        journal.renamed(entry.id, version);
        if (!entry.retired && entry.publicationId != null && entry.metainfo != null) {
            engine.remove(entry.publicationId, false);
            engine.add(
                    entry.publicationId,
                    Metainfo.parse(entry.metainfo),
                    file.getParent(),
                    version.name(),
                    routes.forGroup(version.group()).trackers(),
                    true,
                    null);
        }
        LOG.infof(
                "[publication=%s] '%s' was renamed '%s' in the outbox of %s: not published again",
                entry.publicationId, entry.fileName, version.name(), version.group());
    }

    /** Files being hashed now, with how far each is. */
    public List<LocalStatus.Hashing> hashing() {
        return List.copyOf(hashing.values());
    }

    private void publish(FileVersion version, Path file) {
        String group = version.group();
        String name = version.name();
        try {
            Route route = routes.forGroup(group);
            String peerRoot = route.peerRoot(group).orElse(null);
            Retry retry = retries.get(file);
            Metainfo metainfo;
            if (retry != null
                    && retry.metainfo() != null
                    && retry.version().equals(version)
                    && java.util.Objects.equals(retry.peerRoot(), peerRoot)) {
                metainfo = retry.metainfo(); // hashed for an earlier attempt; the file is unchanged
            } else {
                try {
                    metainfo = TorrentCreator.create(
                            file,
                            peerRoot,
                            (done, pieces) -> hashing.put(
                                    file,
                                    new LocalStatus.Hashing(group, name, version.size(), (double) done / pieces)));
                } finally {
                    hashing.remove(file);
                }
            }
            if (Files.size(file) != version.size()
                    || Files.getLastModifiedTime(file).toMillis() != version.modifiedMillis()) {
                LOG.infof("[group=%s] '%s' changed while it was hashed; waiting for it to settle", group, name);
                observed.remove(file);
                return;
            }
            String id;
            try {
                id = route.publish(group, metainfo, file);
            } catch (RouteException e) {
                if (e.isRetryable()) {
                    retryLater(file, version, peerRoot, metainfo, e.getMessage());
                    return;
                }
                throw e;
            }
            retries.remove(file);
            journal.recordPublication(version, PublishedFile.State.PUBLISHED, id, metainfo.bytes(), null);
            engine.add(id, metainfo, file.getParent(), route.trackers(), true, null);
            LOG.infof("[publication=%s] published '%s' (%d bytes) to group %s", id, name, version.size(), group);
        } catch (InvalidMetainfoException e) {
            refuse(version, e.getMessage());
        } catch (UncheckedIOException | IllegalArgumentException e) {
            // libtorrent could not hash or open it (a name it cannot be given and no link beside
            // it, say): trying again every scan would only repeat the error.
            refuse(version, e.getMessage());
        } catch (RouteException e) {
            if (e.isRetryable()) {
                retryLater(file, version, null, null, e.getMessage()); // the route's root could not be had
            } else {
                refuse(version, e.getMessage());
            }
        } catch (IOException e) {
            LOG.warnf("[group=%s] cannot read '%s' yet: %s", group, name, e.getMessage());
        }
    }

    /**
     * Asks again after a pause that doubles from {@link #FIRST_PAUSE} to {@link #LONGEST_PAUSE}:
     * a supernode that is down, without a quorum or with a full disk is not asked on every scan,
     * and the reason is logged when it changes, not each time.
     */
    private void retryLater(Path file, FileVersion version, String peerRoot, Metainfo metainfo, String reason) {
        Retry before = retries.get(file);
        Duration pause = before == null || !before.version().equals(version)
                ? FIRST_PAUSE
                : before.pause().multipliedBy(2).compareTo(LONGEST_PAUSE) > 0
                        ? LONGEST_PAUSE
                        : before.pause().multipliedBy(2);
        if (before == null || !reason.equals(before.reason())) {
            LOG.warnf(
                    "[group=%s] '%s' not published yet: %s (asking again with pauses of up to %s)",
                    version.group(), version.name(), reason, LONGEST_PAUSE);
        }
        retries.put(file, new Retry(version, peerRoot, metainfo, clock.instant().plus(pause), pause, reason));
    }

    /** A refused file stays in the outbox untouched; it is tried again only once it changes. */
    private void refuse(FileVersion version, String reason) {
        journal.recordPublication(version, PublishedFile.State.REFUSED, null, null, reason);
        LOG.errorf(
                "[group=%s] '%s' was not published: %s. The file stays in the outbox.",
                version.group(), version.name(), reason);
    }

    /** Seeds every published file of {@code route} that is still in its outbox unchanged, after a restart. */
    public void resumeSeeding(Route route) {
        for (PublishedFile entry : journal.publishedFiles()) {
            if (routes.forGroup(entry.groupName) != route) {
                continue;
            }
            Path file = folders.outbox(entry.groupName).resolve(entry.fileName);
            try {
                if (Files.size(file) == entry.size
                        && Files.getLastModifiedTime(file).toMillis() == entry.modifiedMillis) {
                    engine.add(
                            entry.publicationId,
                            Metainfo.parse(entry.metainfo),
                            file.getParent(),
                            entry.fileName,
                            route.trackers(),
                            true,
                            null);
                }
            } catch (IOException | RuntimeException e) {
                LOG.infof(
                        "[publication=%s] not seeding '%s' again: %s",
                        entry.publicationId, entry.fileName, e.getMessage());
            }
        }
    }

    private void warnAboutUnknownFolders(Set<String> groups) {
        try (Stream<Path> entries = Files.list(folders.outboxRoot())) {
            entries.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> !groups.contains(name) && !FileNames.isTemporary(name))
                    .filter(warnedFolders::add)
                    .forEach(name -> LOG.warnf(
                            "outbox folder '%s' is not one of your groups %s; files in it are not published",
                            name, groups));
        } catch (IOException e) {
            LOG.debugf("cannot list %s: %s", folders.outboxRoot(), e.getMessage());
        }
    }

    private static List<Path> files(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !FileNames.isTemporary(p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
