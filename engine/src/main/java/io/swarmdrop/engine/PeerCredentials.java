package io.swarmdrop.engine;

import io.swarmdrop.core.security.PeerCredential;
import java.util.Optional;

/** Where the engine gets the certificate it shows the peers of an SSL torrent. */
@FunctionalInterface
public interface PeerCredentials {

    /** No certificates: SSL torrents wait, and exchange nothing, until they get one. */
    PeerCredentials NONE = root -> Optional.empty();

    /**
     * A current credential for torrents whose peer root is {@code rootPem}, or empty when this node
     * may not have one (not a member) or cannot get one now (no supernode answers). May block for
     * a network call; the engine asks again at {@link TorrentEngine#renewCertificates()}.
     */
    Optional<PeerCredential> forRoot(String rootPem);
}
