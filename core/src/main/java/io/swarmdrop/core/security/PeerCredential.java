package io.swarmdrop.core.security;

import java.time.Instant;

/**
 * What a node shows the peers of an SSL torrent: a certificate signed by the torrent's root and
 * its key, both PEM. libtorrent checks the peer's certificate against the root in the torrent's
 * metainfo, on both ends of every connection, and checks no revocation: the short life bounds how
 * long a removed member or a revoked device keeps a certificate it already has.
 *
 * @param rootId which root signed it (see {@link PeerRoots#idOf})
 * @param notAfter when the certificate ends; it is renewed well before
 */
public record PeerCredential(String rootId, String certificatePem, String privateKeyPem, Instant notAfter) {

    /** This credential with its private key, as the node that holds the key shows it to libtorrent. */
    public PeerCredential withKey(String keyPem) {
        return new PeerCredential(rootId, certificatePem, keyPem, notAfter);
    }

    /** Whether it is time to get a new one: less than a quarter of a peer certificate's life is left. */
    public boolean isRenewalDue(Instant now) {
        return now.isAfter(notAfter.minus(PeerRoots.PEER_VALIDITY.dividedBy(4)));
    }

    @Override
    public String toString() {
        // Never print the key.
        return "PeerCredential[root=" + rootId + ", notAfter=" + notAfter + "]";
    }
}
