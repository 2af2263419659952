package io.swarmdrop.engine;

import io.swarmdrop.core.torrent.InvalidMetainfoException;
import io.swarmdrop.core.torrent.Metainfo;

/**
 * Metainfo from outside (an upload, another supernode, a LAN peer) checked in full: the structural
 * checks of {@link Metainfo#parse} first, then libtorrent's own reading, which catches what a raw
 * reading cannot (piece layers, hash sizes).
 */
public final class MetainfoCheck {

    private MetainfoCheck() {}

    /** Parses and checks metainfo, throwing {@link InvalidMetainfoException} with the first problem found. */
    public static Metainfo parse(byte[] bytes) {
        Metainfo metainfo = Metainfo.parse(bytes);
        NativeLibrary.load();
        try {
            var info = new org.libtorrent4j.TorrentInfo(bytes);
            if (!info.isValid() || !info.hasV2()) {
                throw new InvalidMetainfoException("libtorrent does not accept the torrent");
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidMetainfoException("libtorrent does not accept the torrent: " + e.getMessage());
        }
        return metainfo;
    }
}
