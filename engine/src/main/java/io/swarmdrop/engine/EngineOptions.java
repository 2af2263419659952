package io.swarmdrop.engine;

/**
 * How the engine's session listens and how fast each torrent may move.
 *
 * @param listenHost the interface to accept peers on ({@code 0.0.0.0} for all, {@code 127.0.0.1} for tests)
 * @param listenPort the TCP port for peers; uTP is off, see docs/ARCHITECTURE.md
 * @param uploadLimit bytes per second each torrent may send, 0 for no limit
 * @param downloadLimit bytes per second each torrent may receive, 0 for no limit. Per-torrent limits
 *     also apply to local peers, which libtorrent's session-wide limits exempt.
 */
public record EngineOptions(String listenHost, int listenPort, int uploadLimit, int downloadLimit) {
    public EngineOptions {
        if (listenPort < 1024 || listenPort > 65535) {
            throw new IllegalArgumentException("torrent listen port must be 1024..65535, was " + listenPort);
        }
        if (uploadLimit < 0 || downloadLimit < 0) {
            throw new IllegalArgumentException("rate limits must be 0 (none) or positive");
        }
    }

    public EngineOptions(String listenHost, int listenPort) {
        this(listenHost, listenPort, 0, 0);
    }
}
