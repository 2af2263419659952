package io.swarmdrop.daemon.config;

import io.swarmdrop.core.net.Hosts;
import java.net.URI;
import java.util.Optional;

/** What makes a supernode URL unsafe to use, checked by the config file and by the link alike. */
public final class SupernodeUrls {

    private SupernodeUrls() {}

    /** Why {@code uri} must not be used (plain HTTP off this host), or empty. */
    public static Optional<String> insecurity(URI uri) {
        if ("http".equals(uri.getScheme()) && !Hosts.isLoopback(uri.getHost())) {
            return Optional.of("'" + uri + "' is plain HTTP off this host: the password and device token"
                    + " would cross the network in the clear; use https://");
        }
        return Optional.empty();
    }
}
