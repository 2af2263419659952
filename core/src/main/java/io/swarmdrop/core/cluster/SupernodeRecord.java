package io.swarmdrop.core.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;

/**
 * A live supernode, as registered in its ephemeral node.
 *
 * @param apiUrl where daemons and the other supernodes call its API and tracker (its public URL)
 * @param peerHost the address (or name) peers connect to for BitTorrent, which trackers hand out
 *     for it instead of the address its announces come from; null in records of older versions
 * @param peerPort the BitTorrent port peers connect to (the advertised one, behind NAT)
 * @param passkeyHash hash of the passkey this supernode announces with, so any supernode's tracker accepts it
 * @param caSha256 the SHA-256 fingerprint of the CA its certificate chains to, which the console shows
 *     for daemons' {@code trust-ca-sha256}; null with TLS off and in records of older versions
 */
public record SupernodeRecord(
        String node,
        String zone,
        String apiUrl,
        String peerHost,
        int peerPort,
        String passkeyHash,
        Instant startedAt,
        String caSha256) {

    /** Every live supernode of every zone, from their ephemeral registrations. */
    public static List<SupernodeRecord> live(CuratorFramework zk) {
        var all = new ArrayList<SupernodeRecord>();
        try {
            for (String zone : zk.getChildren().forPath(ZkLayout.SUPERNODES)) {
                for (String n : zk.getChildren().forPath(ZkLayout.zone(zone))) {
                    try {
                        all.add(Json.read(zk.getData().forPath(ZkLayout.supernode(zone, n)), SupernodeRecord.class));
                    } catch (KeeperException.NoNodeException e) {
                        // It went away while we listed the zone.
                    }
                }
            }
        } catch (KeeperException.NoNodeException e) {
            return all;
        } catch (Exception e) {
            throw ClusterStateException.wrap("list supernodes", e);
        }
        return all;
    }
}
