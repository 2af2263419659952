package io.swarmdrop.daemon.lan;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One datagram of the LAN protocol, as JSON. A {@code hello} says a daemon is here (unsigned: it only
 * feeds {@code swarmdrop lan peers}); an {@code offer} announces a file published to a local group and
 * carries an HMAC-SHA256 over its fields with the group's shared key, so a receiver accepts it only
 * from a sender that holds the key.
 *
 * @param instance random per daemon start, so a daemon ignores its own datagrams
 * @param torrentPort where the sender's libtorrent accepts peers
 * @param httpPort where the sender serves the metainfo of its offers (offers only)
 * @param infohash the full v2 info-hash in hex (offers only); the publication id is derived from it
 */
public record LanMessage(
        String type,
        String instance,
        String device,
        String user,
        int torrentPort,
        int httpPort,
        String group,
        String id,
        String name,
        long size,
        String infohash,
        long sentMillis,
        String mac) {

    static final String HELLO = "hello";
    static final String OFFER = "offer";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Datagrams stay well under a typical MTU: no metainfo travels in them. */
    static final int MAX_BYTES = 1400;

    static LanMessage hello(String instance, String device, String user, int torrentPort) {
        return new LanMessage(
                HELLO,
                instance,
                device,
                user,
                torrentPort,
                0,
                null,
                null,
                null,
                0,
                null,
                System.currentTimeMillis(),
                null);
    }

    /** The same offer with its MAC computed with {@code key}. */
    LanMessage signed(byte[] key) {
        return new LanMessage(
                type,
                instance,
                device,
                user,
                torrentPort,
                httpPort,
                group,
                id,
                name,
                size,
                infohash,
                sentMillis,
                mac(key));
    }

    /** True if this offer's MAC was made with {@code key}; compared in constant time. */
    boolean isSignedWith(byte[] key) {
        return sameHex(mac, mac(key));
    }

    private String mac(byte[] key) {
        String canonical = String.join(
                "\n",
                "swarmdrop-lan-1",
                type,
                instance,
                device,
                String.valueOf(user),
                Integer.toString(torrentPort),
                Integer.toString(httpPort),
                group,
                id,
                name,
                Long.toString(size),
                infohash,
                Long.toString(sentMillis));
        return hmac(key, canonical);
    }

    /** Proof, for the sender's metainfo server, that a request comes from a holder of the group key. */
    static String proof(byte[] key, String id) {
        return hmac(key, "swarmdrop-lan-1\ntorrent\n" + id);
    }

    /** True if {@code given} is the proof for {@code id} under {@code key}; compared in constant time. */
    static boolean isProof(byte[] key, String id, String given) {
        return sameHex(given, proof(key, id));
    }

    private static boolean sameHex(String given, String expected) {
        return given != null
                && MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.US_ASCII), expected.getBytes(StandardCharsets.US_ASCII));
    }

    static String hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    byte[] toBytes() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a LAN message", e);
        }
    }

    /** The message in a datagram; throws {@link IOException} on anything that is not one. */
    static LanMessage parse(byte[] data, int length) throws IOException {
        LanMessage message = JSON.readValue(data, 0, length, LanMessage.class);
        if (message.type() == null || message.instance() == null || message.device() == null) {
            throw new IOException("not a Swarmdrop LAN message");
        }
        return message;
    }
}
