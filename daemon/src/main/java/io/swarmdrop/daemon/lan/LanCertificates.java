package io.swarmdrop.daemon.lan;

import io.swarmdrop.core.security.PeerCredential;
import io.swarmdrop.core.security.PeerRoots;
import io.swarmdrop.daemon.link.Link;
import io.swarmdrop.engine.PeerCredentials;
import jakarta.inject.Singleton;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Peer certificates for the SSL torrents of local groups: this device issues its own from the
 * group's derived root ({@link GroupKey#peerRoot}), as every holder of the group key can, and no
 * one else. They live as long as the supernodes' and are renewed the same way.
 */
@Singleton
public class LanCertificates implements PeerCredentials {

    private final LocalGroups groups;
    private final Link link;
    private final Clock clock;
    private final KeyPair keys = PeerRoots.newKeyPair();
    private final String privateKey = PeerRoots.privateKeyPem(keys.getPrivate());
    private final Map<String, PeerCredential> byGroup = new ConcurrentHashMap<>();

    LanCertificates(LocalGroups groups, Link link, Clock clock) {
        this.groups = groups;
        this.link = link;
        this.clock = clock;
    }

    /** A certificate for a torrent whose root is that of a local group this device holds the key of. */
    @Override
    public Optional<PeerCredential> forRoot(String rootPem) {
        for (GroupKey key : groups.keys()) {
            if (PeerRoots.sameKey(rootPem, key.peerRoot().certificatePem())) {
                return Optional.of(byGroup.compute(
                        key.group(),
                        (group, held) -> held == null || held.isRenewalDue(clock.instant())
                                ? PeerRoots.issue(
                                                key.peerRoot(),
                                                keys.getPublic(),
                                                link.deviceName(),
                                                link.user() == null ? "lan" : link.user(),
                                                group)
                                        .withKey(privateKey)
                                : held));
            }
        }
        return Optional.empty();
    }
}
