package io.swarmdrop.core.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a daemon's {@code GET /local/status} answers on loopback, and what the {@code swarmdrop}
 * command reads: one typed record, so the two cannot drift apart field by field.
 *
 * @param user the enrolled user, null before enrolment
 * @param supernode the URL of the supernode attached to
 * @param groups the user's groups on the supernodes
 * @param transfers every torrent in the daemon's engine
 * @param deliveries every publication received or refused, from the journal
 * @param outbox every file seen in an outbox: published (with its id) or refused (with the reason;
 *     the file stays where it is and is tried again once it changes)
 * @param hashing outbox files being hashed before they are published
 * @param connections by publication id, the peers each transfer exchanged bytes with
 * @param upnp the mapping of the BitTorrent port on the router
 * @param lan LAN mode, local groups and the daemons heard on the LAN
 */
public record LocalStatus(
        String user,
        String device,
        String zone,
        String supernode,
        boolean connected,
        Set<String> groups,
        List<TransferStatus> transfers,
        List<Delivery> deliveries,
        List<OutboxEntry> outbox,
        List<Hashing> hashing,
        Map<String, List<PeerConnection>> connections,
        Upnp upnp,
        Lan lan) {

    /** A publication this daemon received or refused; {@code state} is FETCHING, DELIVERED, ACKNOWLEDGED or REJECTED. */
    public record Delivery(
            String publicationId,
            String group,
            String name,
            long size,
            String state,
            String path,
            long downloadedBytes,
            String message) {

        public boolean isDelivered() {
            return state.equals("DELIVERED") || state.equals("ACKNOWLEDGED");
        }
    }

    /** A file seen in an outbox; {@code state} is PUBLISHED or REFUSED. */
    public record OutboxEntry(
            String group, String name, long size, String state, String publicationId, String message) {}

    /** A file being hashed before it is published: {@code progress} from 0 to 1. */
    public record Hashing(String group, String name, long size, double progress) {}

    /** The mapping of the BitTorrent port on the router, as the daemon's port mapper keeps it. */
    public record Upnp(
            State state,
            String gateway,
            String externalAddress,
            int port,
            long leaseSeconds,
            Instant renewedAt,
            String problem) {

        public enum State {
            OFF,
            SEARCHING,
            MAPPED,
            FAILED
        }
    }

    /**
     * LAN mode; {@code mode} is OFF, LAN (no supernode answers) or NORMAL.
     *
     * @param unreadableOffers sealed offers heard that no key of this device opens: another group's,
     *     or forged; they tell this device nothing
     */
    public record Lan(
            String mode, Set<String> groups, List<LanPeer> peers, List<String> interfaces, long unreadableOffers) {}

    /** A daemon heard on the LAN. */
    public record LanPeer(String device, String user, String address, int torrentPort, Instant lastHeard) {}
}
