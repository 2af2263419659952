package io.swarmdrop.core.api;

import java.time.Instant;

/**
 * {@code POST /api/groups/{group}/peer-certificates}: a member's device sends the public key of its
 * peer certificates and, optionally, the id of the root a torrent carries; the supernode answers
 * with a certificate of that root (or of the group's current root, for a new publication).
 */
public final class PeerCertificate {

    private PeerCertificate() {}

    /**
     * @param publicKey X.509 SubjectPublicKeyInfo DER, base64, at most 1 KiB decoded
     * @param root the root's id (32 hex digits), or null for the group's current root
     */
    public record Request(String publicKey, String root) {}

    /**
     * @param root the root's id
     * @param rootCertificate the root, PEM: what a new publication's torrent carries
     * @param certificate the device's certificate of that root, PEM
     * @param notAfter when the certificate ends
     */
    public record Issued(String root, String rootCertificate, String certificate, Instant notAfter) {}
}
