package io.swarmdrop.testing;

import io.swarmdrop.core.bencode.Bencode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Metainfo an attacker could send: a valid torrent re-encoded with another file name or flags. */
public final class HostileMetainfo {

    private HostileMetainfo() {}

    /** The same torrent with its file renamed to {@code name} in both the v1 and the v2 parts. */
    @SuppressWarnings("unchecked")
    public static byte[] renamed(byte[] metainfo, String name) {
        var root = new LinkedHashMap<>((Map<String, Object>) Bencode.decode(metainfo));
        var info = new LinkedHashMap<>((Map<String, Object>) root.get("info"));
        var tree = (Map<String, Object>) info.get("file tree");
        Object leaf = tree.values().iterator().next();
        info.put("name", name.getBytes(StandardCharsets.UTF_8));
        info.put("file tree", Map.of(Bencode.key(name), leaf));
        root.put("info", info);
        return Bencode.encode(root);
    }

    /** The same torrent without the private flag. */
    @SuppressWarnings("unchecked")
    public static byte[] withoutPrivateFlag(byte[] metainfo) {
        var root = new LinkedHashMap<>((Map<String, Object>) Bencode.decode(metainfo));
        var info = new LinkedHashMap<>((Map<String, Object>) root.get("info"));
        info.remove("private");
        root.put("info", info);
        return Bencode.encode(root);
    }
}
