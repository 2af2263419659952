package io.swarmdrop.engine;

/**
 * Callbacks from the engine's alert thread. Keep them fast and never call back into libtorrent
 * synchronously from them for long work: hand work to another thread.
 */
public interface TransferListener {

    /** Every piece of the torrent has been downloaded and passed its hash check. */
    default void finished(String key) {}

    /** Resume data requested with {@link TorrentEngine#saveResumeData(String)}. */
    default void resumeData(String key, byte[] data) {}

    /** libtorrent reported an error for the torrent (disk full, file missing, ...). */
    default void failed(String key, String message) {}
}
