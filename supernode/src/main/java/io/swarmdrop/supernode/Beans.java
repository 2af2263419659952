package io.swarmdrop.supernode;

import io.swarmdrop.core.directory.Directory;
import io.swarmdrop.engine.EngineOptions;
import io.swarmdrop.engine.TorrentEngine;
import io.swarmdrop.engine.TrackerAccess;
import io.swarmdrop.supernode.cluster.ClusterTls;
import io.swarmdrop.supernode.cluster.NodeIdentity;
import io.swarmdrop.supernode.peering.SupernodeCredentials;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * The supernode's one libtorrent session, shared by seeding (which starts and closes it) and by
 * cluster registration (which advertises its port), so neither package needs the other for it.
 */
@Singleton
public class Beans {

    @Produces
    @Singleton
    TorrentEngine torrentEngine(
            SupernodeConfig config, Directory directory, NodeIdentity identity, ClusterTls tls, Clock clock) {
        return new TorrentEngine(
                new EngineOptions(
                        config.torrent().host(),
                        config.torrent().port(),
                        EngineOptions.NO_PLAIN_PORT,
                        config.torrent().uploadLimit(),
                        config.torrent().downloadLimit()),
                new SupernodeCredentials(directory.roots(), identity.node(), clock),
                new TrackerAccess(
                        tls.client().connectTimeout(Duration.ofSeconds(5)).build(), identity::passkey));
    }
}
