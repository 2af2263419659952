package io.swarmdrop.supernode.cluster;

import java.time.Instant;

/**
 * A live supernode, as registered in its ephemeral node.
 *
 * @param passkeyHash hash of the passkey this supernode announces with, so any supernode's tracker accepts it
 */
public record SupernodeRecord(
        String node, String zone, String apiUrl, int peerPort, String passkeyHash, Instant startedAt) {}
