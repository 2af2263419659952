package io.swarmdrop.daemon.lan;

import io.swarmdrop.core.api.PublicationView;
import io.swarmdrop.core.torrent.Metainfo;
import io.swarmdrop.daemon.route.Route;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Delivery of local groups over the LAN, without supernodes: a publication's id comes from its
 * hash, so every sender of one file agrees on it; {@link Lan} offers what the journal lists as
 * published and hands offered metainfo to the inbox; the sender is the file's only tracker, and no
 * one keeps receipts or removes anything.
 */
@Singleton
public class LanRoute implements Route {

    private static final String ID_PREFIX = "lan-";

    private final LocalGroups groups;

    LanRoute(LocalGroups groups) {
        this.groups = groups;
    }

    /** The publication id of a local-group file: derived from its v2 info-hash, so every sender agrees. */
    public static String publicationId(String infohashV2) {
        return ID_PREFIX + infohashV2.substring(0, 48);
    }

    public static boolean isLocal(String publicationId) {
        return publicationId.startsWith(ID_PREFIX);
    }

    @Override
    public boolean serves(String group) {
        return groups.contains(group);
    }

    @Override
    public boolean owns(String publicationId) {
        return isLocal(publicationId);
    }

    @Override
    public Set<String> groups() {
        return groups.names();
    }

    /** The group's root derived from its key: only key holders can join the swarm (see {@link LanCertificates}). */
    @Override
    public Optional<String> peerRoot(String group) {
        return Optional.of(groups.key(group).peerRoot().certificatePem());
    }

    @Override
    public String publish(String group, Metainfo metainfo, Path file) {
        return publicationId(metainfo.infohashV2());
    }

    /** LAN offers carry their metainfo ({@link Lan}); nothing else announces a local-group file. */
    @Override
    public byte[] metainfo(PublicationView publication) {
        throw new IllegalStateException("a LAN publication's metainfo comes with its offer: " + publication.id());
    }

    /** Peers come from the offers ({@code connect_peer}), not from a tracker. */
    @Override
    public List<String> trackers() {
        return List.of();
    }

    @Override
    public void progress(String publicationId, long bytesDone) {}

    /** No supernode keeps receipts for a local group's file. */
    @Override
    public void acknowledge(String publicationId) {}

    @Override
    public boolean isRemoved(String publicationId) {
        return false;
    }
}
