package io.swarmdrop.daemon.lan;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * One message of the LAN protocol, as JSON. A {@code hello} says a daemon is here, in the clear (it
 * only feeds {@code swarmdrop lan peers}); an {@code offer} announces a file published to a local
 * group and travels sealed with the group's key ({@link GroupKey#seal}), so only key holders can
 * read it or make one, and {@code sentMillis} bounds how long a captured one can be replayed.
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
        long sentMillis) {

    static final String HELLO = "hello";
    static final String OFFER = "offer";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Datagrams stay well under a typical MTU: no metainfo travels in them. */
    static final int MAX_BYTES = 1400;

    static LanMessage hello(String instance, String device, String user, int torrentPort) {
        return new LanMessage(
                HELLO, instance, device, user, torrentPort, 0, null, null, null, 0, null, System.currentTimeMillis());
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
