package io.swarmdrop.supernode.tracker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/** A parsed announce. Parsing works on the raw query, since info_hash and peer_id are binary. */
record AnnounceRequest(
        String passkey,
        String infohash,
        String peerId,
        int port,
        long left,
        String event,
        int numwant,
        boolean compact) {

    static final int DEFAULT_NUMWANT = 50;
    static final int MAX_NUMWANT = 200;

    /** Parses an announce; {@code headerPasskey} (from the Authorization header) wins over a {@code pk} parameter. */
    static AnnounceRequest parse(String rawQuery, String headerPasskey) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            throw new AnnounceException("missing announce parameters");
        }
        Map<String, byte[]> params = new HashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            params.put(key, decode(eq < 0 ? "" : pair.substring(eq + 1)));
        }
        String passkey = headerPasskey != null ? headerPasskey : text(params, "pk");
        if (passkey == null || passkey.isEmpty()) {
            throw new AnnounceException(
                    "missing passkey: send it as Authorization: Bearer <passkey>, or as the pk parameter");
        }
        byte[] infohash = params.get("info_hash");
        if (infohash == null || infohash.length != 20) {
            throw new AnnounceException("info_hash must be 20 bytes");
        }
        byte[] peerId = params.get("peer_id");
        if (peerId == null || peerId.length != 20) {
            throw new AnnounceException("peer_id must be 20 bytes");
        }
        int port = (int) number(params, "port", -1);
        if (port < 1 || port > 65535) {
            throw new AnnounceException("port must be between 1 and 65535");
        }
        long left = number(params, "left", 0);
        if (left < 0) {
            throw new AnnounceException("left must not be negative");
        }
        String event = text(params, "event");
        if (event != null
                && !event.isEmpty()
                && !event.equals("started")
                && !event.equals("stopped")
                && !event.equals("completed")
                && !event.equals("paused")) {
            throw new AnnounceException("unknown event '" + event + "'");
        }
        int numwant = (int) Math.min(MAX_NUMWANT, number(params, "numwant", DEFAULT_NUMWANT));
        boolean compact = !"0".equals(text(params, "compact"));
        return new AnnounceRequest(
                passkey,
                HexFormat.of().formatHex(infohash),
                HexFormat.of().formatHex(peerId),
                port,
                left,
                event == null ? "" : event,
                Math.max(0, numwant),
                compact);
    }

    private static String text(Map<String, byte[]> params, String key) {
        byte[] value = params.get(key);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    private static long number(Map<String, byte[]> params, String key, long fallback) {
        String value = text(params, key);
        if (value == null || value.isEmpty()) {
            if (fallback < 0) {
                throw new AnnounceException("missing " + key);
            }
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new AnnounceException(key + " must be a number");
        }
    }

    /** Percent-decoding to bytes ('+' stays '+': BitTorrent clients escape a plus sign). */
    static byte[] decode(String value) {
        var out = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length()) {
                    throw new AnnounceException("truncated percent-escape in the query");
                }
                int high = Character.digit(value.charAt(i + 1), 16);
                int low = Character.digit(value.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new AnnounceException("bad percent-escape in the query");
                }
                out.write(high << 4 | low);
                i += 2;
            } else if (c > 0x7f) {
                throw new AnnounceException("unescaped non-ASCII character in the query");
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}
