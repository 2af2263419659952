package io.swarmdrop.engine;

import java.net.http.HttpClient;
import java.util.function.Supplier;

/**
 * How the engine reaches Swarmdrop's trackers: an HTTP client that trusts the cluster's
 * certificates, and the passkey that admits this node (sent in a header, never in a URL; null
 * while the node has none, and nothing is announced).
 */
public record TrackerAccess(HttpClient http, Supplier<String> passkey) {

    /** No trackers: torrents find their peers only through {@link TorrentEngine#connect}. */
    public static final TrackerAccess NONE = new TrackerAccess(null, () -> null);
}
