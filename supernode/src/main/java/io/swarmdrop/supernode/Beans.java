package io.swarmdrop.supernode;

import io.swarmdrop.engine.EngineOptions;
import io.swarmdrop.engine.TorrentEngine;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The supernode's one libtorrent session, shared by seeding (which starts and closes it) and by
 * cluster registration (which advertises its port), so neither package needs the other for it.
 */
@Singleton
public class Beans {

    @Produces
    @Singleton
    TorrentEngine torrentEngine(SupernodeConfig config) {
        return new TorrentEngine(new EngineOptions(
                config.torrent().host(),
                config.torrent().port(),
                config.torrent().uploadLimit(),
                config.torrent().downloadLimit()));
    }
}
