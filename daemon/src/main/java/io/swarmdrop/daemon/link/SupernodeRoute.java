package io.swarmdrop.daemon.link;

import io.swarmdrop.core.api.Me;
import io.swarmdrop.core.api.PublicationView;
import io.swarmdrop.core.api.client.SupernodeException;
import io.swarmdrop.core.files.ContentTypes;
import io.swarmdrop.core.torrent.Metainfo;
import io.swarmdrop.daemon.Folders;
import io.swarmdrop.daemon.route.Route;
import io.swarmdrop.daemon.route.RouteException;
import io.swarmdrop.daemon.route.Routes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Delivery through the supernodes: they register each publication, hand out its metainfo, track
 * its peers and keep its receipts. It serves the groups the user belongs to on the supernodes, and
 * every group and publication no other route claims.
 */
@Singleton
public class SupernodeRoute implements Route, Routes.Fallback {

    private static final Logger LOG = Logger.getLogger(SupernodeRoute.class);
    private static final Duration GROUP_REFRESH = Duration.ofSeconds(30);

    private final Link link;
    private final PeerCertificates certificates;
    private final Folders folders;
    private final Clock clock;
    private volatile Set<String> groups = Set.of();
    private volatile Instant groupsRefreshed = Instant.EPOCH;

    SupernodeRoute(Link link, PeerCertificates certificates, Folders folders, Clock clock) {
        this.link = link;
        this.certificates = certificates;
        this.folders = folders;
        this.clock = clock;
    }

    /** Reads the user's groups again when they are unknown or half a minute old; creates their folders. */
    public void refreshGroupsWhenDue() {
        if (!groups.isEmpty() && groupsRefreshed.plus(GROUP_REFRESH).isAfter(clock.instant())) {
            return;
        }
        Me me = link.client().me();
        var names = new TreeSet<String>();
        for (Me.GroupView group : me.groups()) {
            folders.createGroup(group.name());
            names.add(group.name());
        }
        if (!names.equals(groups)) {
            LOG.infof("[user=%s] groups: %s (folders under %s)", me.user(), names, folders.root());
        }
        groups = Set.copyOf(names);
        groupsRefreshed = clock.instant();
    }

    @Override
    public boolean serves(String group) {
        return true;
    }

    @Override
    public boolean owns(String publicationId) {
        return true;
    }

    /** The user's groups as last read, once this device is enrolled. */
    @Override
    public Set<String> groups() {
        return link.isEnrolled() ? groups : Set.of();
    }

    /** The group's current root, asked for each publication: a root retired a minute ago is not used. */
    @Override
    public Optional<String> peerRoot(String group) {
        return Optional.of(call(() -> certificates.currentRoot(group)));
    }

    @Override
    public String publish(String group, Metainfo metainfo, Path file) throws IOException {
        String contentType = ContentTypes.sniff(file);
        return call(() ->
                link.client().publish(group, metainfo.bytes(), contentType).id());
    }

    @Override
    public byte[] metainfo(PublicationView publication) {
        return call(() -> link.client().torrent(publication.id()));
    }

    @Override
    public List<String> trackers() {
        return link.trackerUrls();
    }

    @Override
    public void progress(String publicationId, long bytesDone) {
        call(() -> {
            link.client().progress(publicationId, bytesDone);
            return null;
        });
    }

    @Override
    public void acknowledge(String publicationId) {
        call(() -> {
            link.client().acknowledge(publicationId);
            return null;
        });
    }

    /** Removed when the supernodes say so, or no longer know it; throws when none answers. */
    @Override
    public boolean isRemoved(String publicationId) {
        try {
            return link.client().publication(publicationId).state().equals("REMOVED");
        } catch (SupernodeException e) {
            if (e.status() == 404) {
                return true;
            }
            throw failure(e);
        }
    }

    /**
     * A refused request is final; one that found no supernode, or a token the next round renews
     * (401), is retried.
     */
    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (SupernodeException e) {
            throw failure(e);
        }
    }

    private static RouteException failure(SupernodeException e) {
        return new RouteException(e.getMessage(), e.isRetryable() || e.status() == 401, e);
    }
}
