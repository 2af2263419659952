package io.swarmdrop.core.publication;

import io.swarmdrop.core.cluster.Names;
import io.swarmdrop.core.files.FileNames;
import io.swarmdrop.core.torrent.Metainfo;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A file published to a group, as stored in ZooKeeper.
 *
 * @param infohashV1 SHA-1 info-hash of the v1 part of a hybrid torrent, or null for a v2-only torrent
 * @param infohashV2 full SHA-256 info-hash (64 hex digits); it names the swarm
 * @param origin the supernode that accepted the publication (the first to hold its metainfo)
 * @param zone the zone of the publisher's supernode; one persisting replica stays there
 */
public record Publication(
        String id,
        String group,
        String name,
        long size,
        String infohashV1,
        String infohashV2,
        String publisher,
        String publisherDevice,
        String origin,
        Instant createdAt,
        PublicationState state,
        String zone) {

    public Publication {
        Objects.requireNonNull(id, "id");
        Names.requireValid("group", group);
        FileNames.requireSafe(name);
        Objects.requireNonNull(infohashV2, "infohashV2");
        Objects.requireNonNull(state, "state");
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
    }

    /** The 40-hex-digit hashes a BitTorrent client announces this swarm under. */
    public List<String> announceHashes() {
        return Metainfo.announceHashes(infohashV1, infohashV2);
    }

    public Publication withState(PublicationState newState) {
        return new Publication(
                id,
                group,
                name,
                size,
                infohashV1,
                infohashV2,
                publisher,
                publisherDevice,
                origin,
                createdAt,
                newState,
                zone);
    }
}
