package io.swarmdrop.daemon.route;

import io.swarmdrop.core.api.PublicationView;
import io.swarmdrop.core.torrent.Metainfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One way of delivering a group's publications: through the supernodes, or over the LAN without
 * them. The outbox and the inbox do the same work for every route (hash, seed, fetch, place) and
 * ask the route only for what differs: where a publication is registered, where its metainfo and
 * peers come from, and who keeps its receipts. {@link Routes} chooses the route in one place.
 */
public interface Route {

    /** True when this route delivers {@code group}'s publications. */
    boolean serves(String group);

    /** True when {@code publicationId} is one of this route's (its id scheme tells). */
    boolean owns(String publicationId);

    /** The groups whose outboxes are published through this route now. */
    Set<String> groups();

    /**
     * The root certificate (PEM) a new publication of {@code group} carries, making it an SSL torrent
     * that only peers with a certificate of that root may join; empty for a plain torrent.
     */
    Optional<String> peerRoot(String group);

    /** Registers a hashed file as a publication of {@code group}, returning its id; may read the file. */
    String publish(String group, Metainfo metainfo, Path file) throws IOException;

    /** The metainfo of a publication announced to this device, as bencoded bytes. */
    byte[] metainfo(PublicationView publication);

    /** The trackers libtorrent announces this route's publications to; empty when peers come otherwise. */
    List<String> trackers();

    /** Reports how far a fetch is, for the console; best effort. */
    void progress(String publicationId, long bytesDone);

    /** Records that the publication reached this device's inbox. */
    void acknowledge(String publicationId);

    /** True once the publication's retention is over and it should no longer be seeded. */
    boolean isRemoved(String publicationId);
}
