package io.swarmdrop.core.security;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * The certificates of SSL torrents. A group has a peer root (a small CA of its own, see
 * docs/ARCHITECTURE.md, "Who may connect to whom"); each publication's metainfo carries the root
 * that was current when it was published, and libtorrent admits a peer only when it shows a
 * certificate signed by that root. Peer certificates are short-lived: libtorrent checks no
 * revocation, so their life bounds how long a removed member keeps what it had.
 */
public final class PeerRoots {

    /** How long a peer certificate lives; renewed when a quarter of it is left. */
    public static final Duration PEER_VALIDITY = Duration.ofHours(24);

    /** A root outlives the publications made under it: it is replaced when membership shrinks, not on age. */
    private static final Duration ROOT_VALIDITY = Duration.ofDays(5 * 365);

    /** Longest public key accepted in a certificate request (an EC P-256 key is 91 bytes, RSA-4096 550). */
    public static final int MAX_PUBLIC_KEY = 1024;

    private PeerRoots() {}

    /** A group's peer root: its certificate and the key that signs its peers' certificates. */
    public record Root(String id, String certificatePem, PrivateKey key) {
        @Override
        public String toString() {
            return "Root[" + id + "]";
        }
    }

    /** A new peer root for {@code group}. */
    public static Root create(String group) {
        try {
            KeyPair pair = ClusterCa.newKeyPair();
            var name = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.O, "Swarmdrop")
                    .addRDN(BCStyle.OU, group)
                    .addRDN(
                            BCStyle.CN,
                            "Swarmdrop peers of " + group + " "
                                    + HexFormat.of()
                                            .formatHex(ClusterCa.serial().toByteArray(), 0, 4))
                    .build();
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(
                    name,
                    ClusterCa.serial(),
                    Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(ROOT_VALIDITY)),
                    name,
                    pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign));
            builder.addExtension(
                    Extension.subjectKeyIdentifier,
                    false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
            String pem = ClusterCa.pem(
                    "CERTIFICATE", ClusterCa.sign(builder, pair.getPrivate()).getEncoded());
            return new Root(idOf(pem), pem, pair.getPrivate());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot create a peer root", e);
        }
    }

    /**
     * The peer root of a LAN-mode group, the same key pair for every holder of {@code secret}
     * (derived from it: HMAC-SHA256 as the P-256 private scalar), so each holder can issue peer
     * certificates that every other holder's torrents accept, and nobody without the secret can.
     * Each holder signs its own copy of the root certificate; libtorrent matches a peer's
     * certificate by the root's name and key, which are the same in every copy.
     */
    public static Root derive(String group, byte[] secret) {
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
            byte[] seed = mac.doFinal(("swarmdrop-lan-peer-root\n" + group).getBytes(StandardCharsets.UTF_8));
            var curve = org.bouncycastle.jce.ECNamedCurveTable.getParameterSpec("secp256r1");
            var d = new java.math.BigInteger(1, seed)
                    .mod(curve.getN().subtract(java.math.BigInteger.ONE))
                    .add(java.math.BigInteger.ONE);
            var q = curve.getG().multiply(d).normalize();
            var params = ((java.security.interfaces.ECPublicKey)
                            ClusterCa.newKeyPair().getPublic())
                    .getParams();
            var factory = KeyFactory.getInstance("EC");
            PrivateKey key = factory.generatePrivate(new java.security.spec.ECPrivateKeySpec(d, params));
            PublicKey publicKey = factory.generatePublic(new java.security.spec.ECPublicKeySpec(
                    new java.security.spec.ECPoint(
                            q.getAffineXCoord().toBigInteger(),
                            q.getAffineYCoord().toBigInteger()),
                    params));
            var name = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.O, "Swarmdrop")
                    .addRDN(BCStyle.OU, group)
                    .addRDN(BCStyle.CN, "Swarmdrop LAN peers of " + group)
                    .build();
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(
                    name,
                    ClusterCa.serial(),
                    Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(ROOT_VALIDITY)),
                    name,
                    publicKey);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign));
            builder.addExtension(
                    Extension.subjectKeyIdentifier,
                    false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(publicKey));
            String pem =
                    ClusterCa.pem("CERTIFICATE", ClusterCa.sign(builder, key).getEncoded());
            return new Root(idOf(pem), pem, key);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot derive a LAN peer root", e);
        }
    }

    /** Whether two root certificates have the same key (two holders' copies of one derived root). */
    public static boolean sameKey(String rootPem, String otherPem) {
        return certificate(rootPem).getPublicKey().equals(certificate(otherPem).getPublicKey());
    }

    /** The group a root was made for (the OU of its subject), or empty when it names none. */
    public static java.util.Optional<String> groupOf(String certificatePem) {
        var subject = org.bouncycastle.asn1.x500.X500Name.getInstance(
                certificate(certificatePem).getSubjectX500Principal().getEncoded());
        var units = subject.getRDNs(BCStyle.OU);
        return units.length == 1
                ? java.util.Optional.of(units[0].getFirst().getValue().toString())
                : java.util.Optional.empty();
    }

    /** A root as stored: its certificate and its PKCS#8 key, both PEM. */
    public static Root read(String certificatePem, String keyPem) {
        return new Root(idOf(certificatePem), certificatePem, ClusterCa.parseKey(keyPem, "the peer root's key"));
    }

    /** A root's id: the first 16 bytes of the SHA-256 of its DER, in hex. Fails on anything but one PEM certificate. */
    public static String idOf(String certificatePem) {
        return HexFormat.of().formatHex(Secrets.sha256(encoded(certificatePem)), 0, 16);
    }

    private static byte[] encoded(String certificatePem) {
        try {
            return certificate(certificatePem).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a certificate: " + e.getMessage(), e);
        }
    }

    /** The certificate of a PEM text. */
    public static X509Certificate certificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PEM certificate: " + e.getMessage(), e);
        }
    }

    /**
     * A peer certificate of {@code root} for {@code publicKey}, naming the device, its user and the
     * group, valid for {@link #PEER_VALIDITY}. Its one DNS name is {@code *}, which libtorrent
     * requires for a certificate that serves every torrent of the root.
     */
    public static PeerCredential issue(Root root, PublicKey publicKey, String device, String user, String group) {
        try {
            Instant now = Instant.now();
            Instant notAfter = now.plus(PEER_VALIDITY);
            var subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.O, "Swarmdrop")
                    .addRDN(BCStyle.OU, group)
                    .addRDN(BCStyle.UID, user)
                    .addRDN(BCStyle.CN, device)
                    .build();
            X509Certificate issuer = certificate(root.certificatePem());
            var builder = new JcaX509v3CertificateBuilder(
                    issuer,
                    ClusterCa.serial(),
                    Date.from(now.minus(Duration.ofMinutes(10))),
                    Date.from(notAfter),
                    subject,
                    publicKey);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth
            }));
            builder.addExtension(
                    Extension.subjectAlternativeName,
                    false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, "*")));
            builder.addExtension(
                    Extension.authorityKeyIdentifier,
                    false,
                    // The key id alone: with the root's serial in it too, a certificate issued from one
                    // holder's copy of a derived LAN root would not chain to another holder's copy.
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer.getPublicKey()));
            String pem = ClusterCa.pem(
                    "CERTIFICATE", ClusterCa.sign(builder, root.key()).getEncoded());
            return new PeerCredential(
                    root.id(), pem, null, notAfter.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot issue a peer certificate", e);
        }
    }

    /** A new key pair for a node's peer certificates; it never leaves the process. */
    public static KeyPair newKeyPair() {
        try {
            return ClusterCa.newKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A public key as sent in a certificate request: X.509 SubjectPublicKeyInfo DER, base64. */
    public static String encodePublicKey(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** The public key of a certificate request; fails with a message for the caller on anything else. */
    public static PublicKey decodePublicKey(String base64) {
        if (base64 == null || base64.length() > MAX_PUBLIC_KEY * 4 / 3 + 4) {
            throw new IllegalArgumentException(
                    "publicKey must be a base64 X.509 public key of at most " + MAX_PUBLIC_KEY + " bytes");
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("publicKey is not base64");
        }
        for (String algorithm : new String[] {"EC", "RSA"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next
            }
        }
        throw new IllegalArgumentException("publicKey is neither an EC nor an RSA public key");
    }

    /** The PKCS#8 PEM of a private key, as libtorrent reads it. */
    public static String privateKeyPem(PrivateKey key) {
        return ClusterCa.pem("PRIVATE KEY", key.getEncoded());
    }
}
