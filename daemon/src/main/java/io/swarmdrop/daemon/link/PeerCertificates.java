package io.swarmdrop.daemon.link;

import io.swarmdrop.core.api.PeerCertificate;
import io.swarmdrop.core.api.client.SupernodeException;
import io.swarmdrop.core.security.PeerCredential;
import io.swarmdrop.core.security.PeerRoots;
import io.swarmdrop.engine.PeerCredentials;
import jakarta.inject.Singleton;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * This device's peer certificates, one per group root, issued by the supernodes to members only
 * (see {@code PeerCertificatesResource}). The key pair lives in memory and is made anew at each
 * start, so no file holds it; a certificate is renewed when a quarter of its day is left, and a
 * device that was removed, revoked or disabled is refused renewal and falls out of the swarms of
 * that root when its certificate ends.
 */
@Singleton
public class PeerCertificates implements PeerCredentials {

    private static final Logger LOG = Logger.getLogger(PeerCertificates.class);

    private final Link link;
    private final Clock clock;
    private final KeyPair keys = PeerRoots.newKeyPair();
    private final String privateKey = PeerRoots.privateKeyPem(keys.getPrivate());
    private final String publicKey = PeerRoots.encodePublicKey(keys.getPublic());
    private final Map<String, PeerCredential> byRoot = new ConcurrentHashMap<>();

    PeerCertificates(Link link, Clock clock) {
        this.link = link;
        this.clock = clock;
    }

    /**
     * The group's current root, PEM, for a new publication's torrent; the certificate that comes
     * with it is kept for the torrent's seeding. Throws {@link SupernodeException} when refused or
     * when no supernode answers.
     */
    public String currentRoot(String group) {
        return store(link.client().peerCertificate(group, new PeerCertificate.Request(publicKey, null))).rootPem;
    }

    @Override
    public Optional<PeerCredential> forRoot(String rootPem) {
        String id = PeerRoots.idOf(rootPem);
        PeerCredential held = byRoot.get(id);
        if (held != null && !held.isRenewalDue(clock.instant())) {
            return Optional.of(held);
        }
        Optional<String> group = PeerRoots.groupOf(rootPem);
        if (group.isEmpty() || !link.isEnrolled()) {
            return usable(held);
        }
        try {
            return Optional.of(
                    store(link.client().peerCertificate(group.get(), new PeerCertificate.Request(publicKey, id)))
                            .credential);
        } catch (SupernodeException e) {
            if (!e.isRetryable()) {
                LOG.warnf("[group=%s] no peer certificate for root %s: %s", group.get(), id, e.getMessage());
            }
            return usable(held);
        }
    }

    /** A certificate still inside its life, while none answers: libtorrent keeps the one it has anyway. */
    private Optional<PeerCredential> usable(PeerCredential held) {
        return Optional.ofNullable(held).filter(c -> c.notAfter().isAfter(clock.instant()));
    }

    private record Stored(String rootPem, PeerCredential credential) {}

    private Stored store(PeerCertificate.Issued issued) {
        if (!PeerRoots.idOf(issued.rootCertificate()).equals(issued.root())) {
            throw new SupernodeException(502, "the supernode sent root " + issued.root() + " with another certificate");
        }
        var credential = new PeerCredential(issued.root(), issued.certificate(), privateKey, issued.notAfter());
        byRoot.put(issued.root(), credential);
        return new Stored(issued.rootCertificate(), credential);
    }
}
