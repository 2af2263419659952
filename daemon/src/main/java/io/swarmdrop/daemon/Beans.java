package io.swarmdrop.daemon;

import io.swarmdrop.daemon.config.ConfigFile;
import io.swarmdrop.daemon.lan.LanCertificates;
import io.swarmdrop.daemon.link.Link;
import io.swarmdrop.daemon.link.PeerCertificates;
import io.swarmdrop.engine.EngineOptions;
import io.swarmdrop.engine.TorrentEngine;
import io.swarmdrop.engine.TrackerAccess;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;

/** The daemon's shared objects: one libtorrent session, the clock, and the folder layout. */
@Singleton
public class Beans {

    @Produces
    @Singleton
    TorrentEngine torrentEngine(
            DaemonConfig config,
            PeerCertificates certificates,
            LanCertificates lanCertificates,
            Link link,
            Folders folders) {
        var engine = new TorrentEngine(
                new EngineOptions(
                        config.torrent().host(),
                        config.torrent().port(),
                        EngineOptions.NO_PLAIN_PORT,
                        config.torrent().uploadLimit(),
                        config.torrent().downloadLimit()),
                // A local group's root is derived from its key; any other root is a supernode group's.
                root -> lanCertificates.forRoot(root).or(() -> certificates.forRoot(root)),
                new TrackerAccess(link.client().httpClient(), link::passkey));
        engine.keepLinksIn(folders.links());
        return engine;
    }

    void close(@Disposes TorrentEngine engine) {
        engine.close();
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    Folders folders(DaemonConfig config, Config all) {
        return new Folders(
                Path.of(config.root()), overrides(all, Folders.OUTBOX_PREFIX), overrides(all, Folders.INBOX_PREFIX));
    }

    private static Map<String, Path> overrides(Config all, String prefix) {
        var folders = new TreeMap<String, Path>();
        ConfigFile.propertiesUnder(all, prefix)
                .forEach((group, folder) ->
                        folders.put(group, Path.of(folder).toAbsolutePath().normalize()));
        return folders;
    }
}
