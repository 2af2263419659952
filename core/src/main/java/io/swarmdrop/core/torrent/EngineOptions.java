package io.swarmdrop.core.torrent;

/**
 * How the engine's session listens.
 *
 * @param listenHost the interface to accept peers on ({@code 0.0.0.0} for all, {@code 127.0.0.1} for tests)
 * @param listenPort the TCP port for peers; uTP is off, see docs/ARCHITECTURE.md
 */
public record EngineOptions(String listenHost, int listenPort) {
    public EngineOptions {
        if (listenPort < 1024 || listenPort > 65535) {
            throw new IllegalArgumentException("torrent listen port must be 1024..65535, was " + listenPort);
        }
    }
}
