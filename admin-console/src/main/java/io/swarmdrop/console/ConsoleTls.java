package io.swarmdrop.console;

import io.quarkus.runtime.ExecutionMode;
import io.swarmdrop.core.security.HttpsSettings;
import java.util.List;

/**
 * HTTPS for the console (see {@link HttpsSettings}): by default with a certificate issued from the
 * CA in {@code swarmdrop.console.tls.ca-cert} and {@code ca-key}, the supernodes' cluster CA when
 * the console runs beside the first supernode, else one of its own in {@code <data-dir>/tls/}.
 */
public class ConsoleTls extends HttpsSettings {

    public ConsoleTls() {
        super("swarmdrop.console", "console-data", "console", List.of());
    }

    @Override
    protected boolean running() {
        return ExecutionMode.current() != ExecutionMode.UNSET;
    }
}
