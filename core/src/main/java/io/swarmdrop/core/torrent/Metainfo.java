package io.swarmdrop.core.torrent;

import io.swarmdrop.core.bencode.Bencode;
import io.swarmdrop.core.bencode.BencodeException;
import io.swarmdrop.core.files.FileNames;
import io.swarmdrop.core.files.UnsafeFileNameException;
import io.swarmdrop.core.security.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A publication's torrent metainfo, checked: a private, single-file, BitTorrent v2 or hybrid
 * torrent whose file name is safe to write on any supported OS. {@code peerRoot} is the PEM root
 * certificate in its info dictionary's {@code ssl-cert}, or null for a torrent any peer may join.
 *
 * <p>The checks read the raw bencoded info dictionary rather than libtorrent's parsed view, because
 * libtorrent quietly rewrites hostile names (such as {@code ../x}) instead of refusing them. They
 * are the structural half: metainfo that arrives from outside also goes through the engine's
 * {@code MetainfoCheck}, which adds libtorrent's own checks (piece layers, hash sizes). Core stays
 * free of the native library, so the console does not ship it.
 */
public record Metainfo(
        byte[] bytes, String name, long size, int pieceLength, String infohashV1, String infohashV2, String peerRoot) {

    /** Longest root certificate a torrent may carry; a P-256 CA's PEM is under 1 KiB. */
    public static final int MAX_PEER_ROOT = 8 * 1024;

    /** Parses and checks the structure of metainfo, throwing {@link InvalidMetainfoException} with the first problem found. */
    public static Metainfo parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidMetainfoException("the metainfo is empty");
        }
        Map<String, Object> root;
        byte[] rawInfo;
        try {
            root = asMap(Bencode.decode(bytes), "the metainfo");
            rawInfo = Bencode.rawValue(bytes, "info");
        } catch (BencodeException e) {
            throw new InvalidMetainfoException("the metainfo is not valid bencoding: " + e.getMessage());
        }
        Map<String, Object> info = asMap(root.get("info"), "'info'");
        if (!Long.valueOf(1).equals(info.get("private"))) {
            throw new InvalidMetainfoException("the torrent is not private (BEP 27)");
        }
        if (!Long.valueOf(2).equals(info.get("meta version"))) {
            throw new InvalidMetainfoException("the torrent is not BitTorrent v2 or hybrid");
        }
        if (info.containsKey("files")) {
            throw new InvalidMetainfoException("the torrent holds several files; a publication is one file");
        }
        String name = string(info.get("name"), "'name'");
        try {
            FileNames.requireSafe(name);
        } catch (UnsafeFileNameException e) {
            throw new InvalidMetainfoException(e.getMessage());
        }
        Map<String, Object> tree = asMap(info.get("file tree"), "'file tree'");
        if (tree.size() != 1 || !tree.containsKey(Bencode.key(name))) {
            throw new InvalidMetainfoException("the v2 file tree must hold exactly the file '" + name + "'");
        }
        Map<String, Object> leaf =
                asMap(asMap(tree.get(Bencode.key(name)), "the file entry").get(""), "the file entry");
        long size = number(leaf.get("length"), "the file length");
        int pieceLength = (int) number(info.get("piece length"), "'piece length'");
        if (pieceLength < 16 * 1024 || Integer.bitCount(pieceLength) != 1) {
            throw new InvalidMetainfoException(
                    "piece length " + pieceLength + " is not a power of two of at least 16 KiB");
        }
        String v1 = null;
        if (info.containsKey("pieces")) {
            if (info.containsKey("length") && number(info.get("length"), "'length'") != size) {
                throw new InvalidMetainfoException("the v1 and v2 file lengths differ");
            }
            v1 = hex(digest("SHA-1", rawInfo));
        }
        String peerRoot = null;
        if (info.containsKey("ssl-cert")) {
            peerRoot = string(info.get("ssl-cert"), "'ssl-cert'");
            if (peerRoot.length() > MAX_PEER_ROOT || !peerRoot.startsWith("-----BEGIN CERTIFICATE-----")) {
                throw new InvalidMetainfoException("'ssl-cert' is not one PEM certificate of at most 8 KiB");
            }
        }
        return new Metainfo(bytes, name, size, pieceLength, v1, hex(Secrets.sha256(rawInfo)), peerRoot);
    }

    /**
     * Whether only peers with a certificate of {@link #peerRoot} may exchange this torrent's bytes
     * (libtorrent's SSL torrents: the root certificate is part of the info dictionary, so of the
     * info-hash).
     */
    public boolean isSsl() {
        return peerRoot != null;
    }

    /**
     * This metainfo with {@code rootPem} as its info dictionary's {@code ssl-cert}: a new torrent,
     * with new info-hashes, whose peers must present a certificate signed by that root.
     */
    public Metainfo withPeerRoot(String rootPem) {
        Map<String, Object> root = asMap(Bencode.decode(bytes), "the metainfo");
        Map<String, Object> info = new java.util.LinkedHashMap<>(asMap(root.get("info"), "'info'"));
        info.put("ssl-cert", rootPem.getBytes(StandardCharsets.UTF_8));
        var copy = new java.util.LinkedHashMap<>(root);
        copy.put("info", info);
        return parse(Bencode.encode(copy));
    }

    /** {@link #withPeerRoot} when a root is given, else this torrent. */
    public Metainfo withPeerRootIfAny(String rootPem) {
        return rootPem == null ? this : withPeerRoot(rootPem);
    }

    /**
     * Parses a single-file torrent's {@code bencode} as the torrent of a file called {@code name}:
     * the v1 name and the v2 file tree's one key change, so the info-hash does too. For a torrent
     * hashed through a link with another (hidden, so unpublishable) name; only the new name is
     * checked.
     */
    public static Metainfo parseRenamed(byte[] bencode, String name) {
        Map<String, Object> root = asMap(Bencode.decode(bencode), "the metainfo");
        Map<String, Object> info = new java.util.LinkedHashMap<>(asMap(root.get("info"), "'info'"));
        Map<String, Object> tree = asMap(info.get("file tree"), "'file tree'");
        if (tree.size() != 1) {
            throw new InvalidMetainfoException("a renamed torrent must hold exactly one file");
        }
        info.put("name", name.getBytes(StandardCharsets.UTF_8));
        info.put("file tree", Map.of(Bencode.key(name), tree.values().iterator().next()));
        var copy = new java.util.LinkedHashMap<>(root);
        copy.put("info", info);
        return parse(Bencode.encode(copy));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new InvalidMetainfoException(what + " is missing or not a dictionary");
    }

    private static String string(Object value, String what) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        throw new InvalidMetainfoException(what + " is missing or not a string");
    }

    private static long number(Object value, String what) {
        if (value instanceof Long n && n >= 0) {
            return n;
        }
        throw new InvalidMetainfoException(what + " is missing or not a non-negative integer");
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every JVM", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** The info-hashes a client announces this torrent under (40 hex digits each). */
    public List<String> announceHashes() {
        return announceHashes(infohashV1, infohashV2);
    }

    /**
     * The 40-hex-digit hashes a client announces a torrent under: the v1 info-hash (hybrid only)
     * and the v2 info-hash truncated to 20 bytes.
     */
    public static List<String> announceHashes(String infohashV1, String infohashV2) {
        String truncatedV2 = infohashV2.substring(0, 40);
        return infohashV1 == null ? List.of(truncatedV2) : List.of(infohashV1, truncatedV2);
    }
}
