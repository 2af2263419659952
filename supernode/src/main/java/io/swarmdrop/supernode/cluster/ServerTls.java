package io.swarmdrop.supernode.cluster;

import io.quarkus.runtime.ExecutionMode;
import io.swarmdrop.core.security.HttpsSettings;
import java.util.List;

/**
 * HTTPS for the supernode's API, tracker and admin API (see {@link HttpsSettings}): on the embedded
 * default the first start creates the cluster CA in {@code <data-dir>/tls/} and issues the
 * supernode's certificate from it. {@code swarmdrop.supernode.tls.enabled=false} is allowed on
 * loopback only ({@link NodeIdentity}).
 */
public class ServerTls extends HttpsSettings {

    /** The common name of a supernode's certificate; the {@code /cluster} API admits only it. */
    public static final String COMMON_NAME = "supernode";

    public ServerTls() {
        super("swarmdrop.supernode", "data", COMMON_NAME, List.of("swarmdrop.supernode.torrent.advertised-host"));
    }

    @Override
    protected boolean running() {
        return ExecutionMode.current() != ExecutionMode.UNSET;
    }
}
