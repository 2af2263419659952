package io.swarmdrop.engine;

/**
 * How the engine's session listens and how fast each torrent may move.
 *
 * @param listenHost the interface to accept peers on ({@code 0.0.0.0} for all, {@code 127.0.0.1} for tests)
 * @param listenPort the TCP port for peers of SSL torrents, which every publication through a
 *     supernode is (TLS with peer certificates); uTP is off, see docs/ARCHITECTURE.md
 * @param plainPort the TCP port for peers of plain torrents (LAN mode): {@link #NO_PLAIN_PORT} for
 *     none (a supernode), 0 for any free port (LAN offers carry it)
 * @param uploadLimit bytes per second each torrent may send, 0 for no limit
 * @param downloadLimit bytes per second each torrent may receive, 0 for no limit. Per-torrent limits
 *     also apply to local peers, which libtorrent's session-wide limits exempt.
 */
public record EngineOptions(String listenHost, int listenPort, int plainPort, int uploadLimit, int downloadLimit) {

    public static final int NO_PLAIN_PORT = -1;

    public EngineOptions {
        if (listenPort < 1024 || listenPort > 65535) {
            throw new IllegalArgumentException("torrent listen port must be 1024..65535, was " + listenPort);
        }
        if (plainPort != NO_PLAIN_PORT
                && plainPort != 0
                && (plainPort < 1024 || plainPort > 65535 || plainPort == listenPort)) {
            throw new IllegalArgumentException("the plain torrent port must be 1024..65535 and not the listen port "
                    + listenPort + ", was " + plainPort);
        }
        if (uploadLimit < 0 || downloadLimit < 0) {
            throw new IllegalArgumentException("rate limits must be 0 (none) or positive");
        }
    }

    /** SSL torrents on {@code listenPort}, plain ones on any free port, no rate limits (tests). */
    public EngineOptions(String listenHost, int listenPort) {
        this(listenHost, listenPort, 0, 0, 0);
    }

    boolean hasPlainPort() {
        return plainPort != NO_PLAIN_PORT;
    }
}
