package io.swarmdrop.daemon.route;

import io.swarmdrop.core.api.PublicationView;
import io.swarmdrop.core.torrent.Metainfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A route that keeps what it is told in lists, for tests of the outbox and the inbox: it registers
 * publications under ids of its own, hands out the metainfo it was given, and fails on request.
 */
public class FakeRoute implements Route {

    /** The fake as the fallback route, as the supernodes are. */
    public static class Fallback extends FakeRoute implements Routes.Fallback {
        public Fallback(String idPrefix, Set<String> groups) {
            super(idPrefix, groups);
        }

        @Override
        public boolean serves(String group) {
            return true;
        }

        @Override
        public boolean owns(String publicationId) {
            return true;
        }
    }

    public record Published(String group, String name, String id) {}

    private final String idPrefix;
    private final Set<String> groups;
    public final List<Published> published = new CopyOnWriteArrayList<>();
    /** Every torrent a publish call was given, failed calls included. */
    public final List<Metainfo> offered = new CopyOnWriteArrayList<>();

    public final List<String> acknowledged = new CopyOnWriteArrayList<>();
    public final Map<String, Long> progress = new ConcurrentHashMap<>();
    public final Map<String, byte[]> metainfo = new ConcurrentHashMap<>();
    public final Set<String> removed = ConcurrentHashMap.newKeySet();
    /** While set, every call fails with it. */
    public volatile RouteException failure;

    public FakeRoute(String idPrefix, Set<String> groups) {
        this.idPrefix = idPrefix;
        this.groups = groups;
    }

    public static RouteException unreachable() {
        return new RouteException("no route answers", true, null);
    }

    public static RouteException refused(String why) {
        return new RouteException(why, false, null);
    }

    private void failIfTold() {
        RouteException now = failure;
        if (now != null) {
            throw now;
        }
    }

    @Override
    public boolean serves(String group) {
        return groups.contains(group);
    }

    @Override
    public boolean owns(String publicationId) {
        return publicationId.startsWith(idPrefix);
    }

    @Override
    public Set<String> groups() {
        return groups;
    }

    @Override
    public Optional<String> peerRoot(String group) {
        return Optional.empty();
    }

    @Override
    public String publish(String group, Metainfo torrent, Path file) {
        offered.add(torrent);
        failIfTold();
        String id = idPrefix + (published.size() + 1);
        published.add(new Published(group, file.getFileName().toString(), id));
        metainfo.put(id, torrent.bytes());
        return id;
    }

    @Override
    public byte[] metainfo(PublicationView publication) {
        failIfTold();
        byte[] bytes = metainfo.get(publication.id());
        if (bytes == null) {
            throw refused("no publication " + publication.id());
        }
        return bytes;
    }

    @Override
    public List<String> trackers() {
        return List.of();
    }

    @Override
    public void progress(String publicationId, long bytesDone) {
        failIfTold();
        progress.put(publicationId, bytesDone);
    }

    @Override
    public void acknowledge(String publicationId) {
        failIfTold();
        acknowledged.add(publicationId);
    }

    @Override
    public boolean isRemoved(String publicationId) {
        failIfTold();
        return removed.contains(publicationId);
    }
}
