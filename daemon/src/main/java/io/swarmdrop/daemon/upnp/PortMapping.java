package io.swarmdrop.daemon.upnp;

import io.swarmdrop.core.api.LocalStatus;
import io.swarmdrop.daemon.DaemonConfig;
import io.swarmdrop.engine.TorrentEngine;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The daemon's one {@link PortMapper}, for its BitTorrent listen port; off when configured so. */
@Singleton
public class PortMapping {

    private final DaemonConfig config;
    private final TorrentEngine engine;
    private final Clock clock;
    private PortMapper mapper;

    PortMapping(DaemonConfig config, TorrentEngine engine, Clock clock) {
        this.config = config;
        this.engine = engine;
        this.clock = clock;
    }

    /** Starts mapping the engine's listen port; call after the engine listens. */
    public synchronized void start() {
        if (config.upnp().enabled() && mapper == null) {
            mapper = new PortMapper(engine.port(), config.upnp().lease(), "Swarmdrop", clock);
            mapper.start();
        }
    }

    public synchronized LocalStatus.Upnp status() {
        return mapper == null
                ? new LocalStatus.Upnp(
                        LocalStatus.Upnp.State.OFF,
                        null,
                        null,
                        engine.port(),
                        0,
                        null,
                        "turned off in the configuration")
                : mapper.status();
    }

    /** Removes the mapping from the router while the network is still up. */
    @PreDestroy
    synchronized void stop() {
        if (mapper != null) {
            mapper.close();
            mapper = null;
        }
    }
}
