package io.swarmdrop.daemon.lan;

import io.swarmdrop.core.security.PeerRoots;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local group's shared key and what LAN mode derives from it, each for one purpose: the AES-GCM
 * keys that seal offers and metainfo (so a host without the key learns neither a file's hash nor
 * where it is served), the tickets that name a metainfo in a request, and the group's peer root
 * ({@link PeerRoots#derive}), which makes every LAN transfer an SSL torrent among key holders.
 */
final class GroupKey {

    /** The first bytes of every sealed datagram and body; a version change changes them. */
    static final byte[] MAGIC = "SDL2".getBytes(StandardCharsets.US_ASCII);

    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** What sealing adds to a plaintext: the magic, the nonce and the tag. */
    static final int OVERHEAD = 4 + NONCE_BYTES + TAG_BITS / 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String group;
    private final byte[] secret;
    private volatile PeerRoots.Root peerRoot;

    GroupKey(String group, byte[] secret) {
        this.group = group;
        this.secret = secret.clone();
    }

    String group() {
        return group;
    }

    /** {@code plaintext} sealed for {@code purpose}: magic, a random nonce, the ciphertext and its tag. */
    byte[] seal(String purpose, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, purpose, nonce);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(MAGIC.length + NONCE_BYTES + sealed.length)
                    .put(MAGIC)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The plaintext of {@code sealed}, when it was sealed with this key for {@code purpose}. */
    Optional<byte[]> open(String purpose, byte[] sealed, int length) {
        if (!isSealed(sealed, length) || length < MAGIC.length + NONCE_BYTES + TAG_BITS / 8) {
            return Optional.empty();
        }
        byte[] nonce = Arrays.copyOfRange(sealed, MAGIC.length, MAGIC.length + NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, purpose, nonce);
            int start = MAGIC.length + NONCE_BYTES;
            return Optional.of(cipher.doFinal(sealed, start, length - start));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    static boolean isSealed(byte[] data, int length) {
        return length >= MAGIC.length && Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** The nonce of a sealed message, in hex: what replay detection remembers. */
    static String nonceOf(byte[] sealed) {
        return HexFormat.of().formatHex(sealed, MAGIC.length, MAGIC.length + NONCE_BYTES);
    }

    /** The name of {@code id}'s metainfo in a request: says nothing of the file to whoever sees the request. */
    String ticket(String id) {
        return HexFormat.of().formatHex(derive("ticket\n" + id), 0, 16);
    }

    /** The group's peer root, the same key for every holder of the secret. */
    PeerRoots.Root peerRoot() {
        if (peerRoot == null) {
            peerRoot = PeerRoots.derive(group, secret);
        }
        return peerRoot;
    }

    private Cipher cipher(int mode, String purpose, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(derive("seal " + purpose), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(("swarmdrop-lan-2\n" + group + "\n" + purpose).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private byte[] derive(String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(("swarmdrop-lan-2\n" + label).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
