package io.swarmdrop.core.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The cluster's certificate authority: a CA certificate every node and daemon trusts, and its key,
 * which issues the server certificates of supernodes and consoles (they also serve as the
 * supernodes' client certificates towards each other). On the embedded default the first
 * supernode creates it in its data folder; an operator may supply it as PEM files instead. Keys
 * are EC P-256 and written PKCS#8, owner-only, in one step ({@link SecretFiles}).
 */
public final class ClusterCa {

    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration SERVER_VALIDITY = Duration.ofDays(397);
    /** A server certificate this close to its end is issued anew at the next check. */
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate certificate;
    private final PrivateKey key;

    private ClusterCa(X509Certificate certificate, PrivateKey key) {
        this.certificate = certificate;
        this.key = key;
    }

    /** The CA in {@code certFile} and {@code keyFile}, created there when neither exists. */
    public static ClusterCa loadOrCreate(Path certFile, Path keyFile) {
        if (Files.exists(certFile) || Files.exists(keyFile)) {
            return load(certFile, keyFile);
        }
        try {
            KeyPair pair = newKeyPair();
            X500Name name = name("Swarmdrop cluster CA " + HexFormat.of().formatHex(randomBytes(4)));
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(
                    name,
                    serial(),
                    Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(CA_VALIDITY)),
                    name,
                    pair.getPublic());
            var extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(
                    Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate certificate = sign(builder, pair.getPrivate());
            SecretFiles.write(keyFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            // Certificates are public, but take the same renamed-file write: never seen half-written.
            SecretFiles.write(certFile, pem("CERTIFICATE", certificate.getEncoded()));
            return new ClusterCa(certificate, pair.getPrivate());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cluster CA to " + certFile.getParent(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the cluster CA", e);
        }
    }

    /** The CA in {@code certFile} and {@code keyFile}; both must exist. */
    public static ClusterCa load(Path certFile, Path keyFile) {
        List<X509Certificate> certificates = readCertificates(certFile);
        if (!Files.exists(keyFile)) {
            throw new IllegalArgumentException("the cluster CA certificate " + certFile + " has no key at " + keyFile
                    + "; copy both files from the supernode that created them, or give the server certificate"
                    + " and key of this node instead");
        }
        return new ClusterCa(certificates.get(0), readKey(keyFile));
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * Makes sure {@code certFile} (the certificate followed by the CA's) and {@code keyFile} hold
     * a server certificate of this CA for every one of {@code names} that is not near its end;
     * issues a new one otherwise.
     *
     * @return true when it issued a new certificate
     */
    public boolean ensureServerCertificate(String commonName, Set<String> names, Path certFile, Path keyFile) {
        if (isCurrent(certFile, keyFile, names)) {
            return false;
        }
        try {
            KeyPair pair = newKeyPair();
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(
                    certificate,
                    serial(),
                    Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(SERVER_VALIDITY)),
                    name(commonName),
                    pair.getPublic());
            var extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth
            }));
            builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(names));
            builder.addExtension(
                    Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(certificate));
            X509Certificate issued = sign(builder, key);
            SecretFiles.write(keyFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            SecretFiles.write(
                    certFile, pem("CERTIFICATE", issued.getEncoded()) + pem("CERTIFICATE", certificate.getEncoded()));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the server certificate " + certFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue a server certificate", e);
        }
    }

    private boolean isCurrent(Path certFile, Path keyFile, Set<String> names) {
        if (!Files.exists(certFile) || !Files.exists(keyFile)) {
            return false;
        }
        try {
            X509Certificate existing = readCertificates(certFile).get(0);
            existing.verify(certificate.getPublicKey());
            if (existing.getNotAfter().toInstant().isBefore(Instant.now().plus(RENEW_BEFORE))) {
                return false;
            }
            return subjectNames(existing).containsAll(lowerCase(names));
        } catch (RuntimeException | GeneralSecurityException e) {
            // Another CA's, unreadable or damaged: issue a new one.
            return false;
        }
    }

    /** The DNS names and IP addresses a certificate is valid for, in lower case. */
    public static Set<String> subjectNames(X509Certificate certificate) {
        var names = new TreeSet<String>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                alternatives.forEach(entry -> names.add(entry.get(1).toString().toLowerCase()));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unreadable subject alternative names", e);
        }
        return names;
    }

    /** The SHA-256 fingerprint of a certificate, as hex pairs joined by colons (as openssl prints it). */
    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code given} names the same fingerprint, with or without colons, in either case. */
    public static boolean sameFingerprint(String given, X509Certificate certificate) {
        String normalized = given.replace(":", "").trim().toUpperCase();
        return MessageDigest.isEqual(
                normalized.getBytes(StandardCharsets.US_ASCII),
                fingerprint(certificate).replace(":", "").getBytes(StandardCharsets.US_ASCII));
    }

    /** The certificates of a PEM file, in order; at least one. */
    public static List<X509Certificate> readCertificates(Path file) {
        try {
            var factory = CertificateFactory.getInstance("X.509");
            var certificates = new ArrayList<X509Certificate>();
            for (var certificate : factory.generateCertificates(new ByteArrayInputStream(Files.readAllBytes(file)))) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException(file + " holds no PEM certificate");
            }
            return certificates;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the certificate file " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + " is not a PEM certificate file: " + e.getMessage(), e);
        }
    }

    /** A PKCS#8 PEM private key (EC or RSA). */
    public static PrivateKey readKey(Path file) {
        return parseKey(SecretFiles.read(file), file.toString());
    }

    /** A PKCS#8 PEM private key (EC or RSA) from {@code text}; {@code source} names it in errors. */
    static PrivateKey parseKey(String text, String source) {
        int start = text.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = text.indexOf("-----END PRIVATE KEY-----");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException(source + " is not a PKCS#8 PEM key (-----BEGIN PRIVATE KEY-----);"
                    + " convert it with: openssl pkcs8 -topk8 -nocrypt -in <key> -out <file>");
        }
        byte[] der =
                Base64.getMimeDecoder().decode(text.substring(start + "-----BEGIN PRIVATE KEY-----".length(), end));
        for (String algorithm : List.of("EC", "RSA")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException(source + " holds neither an EC nor an RSA key");
    }

    private static GeneralNames alternativeNames(Set<String> names) {
        var general = new ArrayList<GeneralName>();
        for (String name : new TreeSet<>(lowerCase(names))) {
            boolean ip = IPV4.matcher(name).matches() || name.contains(":");
            general.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, name));
        }
        return new GeneralNames(general.toArray(GeneralName[]::new));
    }

    /**
     * Lower case, and IPv6 literals in the JDK's long form ("0:0:0:0:0:0:0:1"), which is how
     * {@link X509Certificate#getSubjectAlternativeNames} gives them back.
     */
    private static Set<String> lowerCase(Set<String> names) {
        var lower = new TreeSet<String>();
        for (String name : names) {
            String n = name.toLowerCase().replace("[", "").replace("]", "");
            if (n.contains(":")) {
                try {
                    n = java.net.InetAddress.getByName(n).getHostAddress();
                } catch (java.net.UnknownHostException e) {
                    throw new IllegalArgumentException("not an IPv6 address: " + name, e);
                }
            }
            lower.add(n);
        }
        return lower;
    }

    static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "Swarmdrop")
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer) throws GeneralSecurityException {
        try {
            var content = new JcaContentSignerBuilder("SHA256withECDSA").build(signer);
            return new JcaX509CertificateConverter().getCertificate(builder.build(content));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    static KeyPair newKeyPair() throws GeneralSecurityException {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    static BigInteger serial() {
        return new BigInteger(1, randomBytes(16));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
