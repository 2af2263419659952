package io.swarmdrop.core.net;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * What a host name or address in the configuration says about reachability, without a DNS lookup
 * where the text alone tells: loopback ({@code 127.0.0.0/8}, {@code ::1}, {@code localhost}) is
 * reachable from this host only, and a wildcard ({@code 0.0.0.0}, {@code ::}) is a bind address
 * that no peer can be told to connect to.
 */
public final class Hosts {

    private Hosts() {}

    /** True for an address or name that only this host can reach. */
    public static boolean isLoopback(String host) {
        String bare = bare(host).toLowerCase(Locale.ROOT);
        if (bare.equals("localhost") || bare.endsWith(".localhost")) {
            return true;
        }
        return literal(bare).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    /** True for the bind-to-every-interface addresses, and for an empty host. */
    public static boolean isWildcard(String host) {
        String bare = bare(host);
        if (bare.isEmpty()) {
            return true;
        }
        return literal(bare).map(InetAddress::isAnyLocalAddress).orElse(false);
    }

    /** The host of an {@code http(s)://host:port/...} URL, without IPv6 brackets. */
    public static String hostOf(String url) {
        String host = URI.create(url).getHost();
        if (host == null) {
            throw new IllegalArgumentException("'" + url + "' has no host");
        }
        return bare(host);
    }

    /** The host as a URL authority needs it: IPv6 literals in brackets. */
    public static String forUrl(String host) {
        String bare = bare(host);
        return bare.contains(":") ? "[" + bare + "]" : bare;
    }

    private static String bare(String host) {
        String trimmed = host == null ? "" : host.trim();
        return trimmed.startsWith("[") && trimmed.endsWith("]") ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }

    /**
     * The address an IPv4 or IPv6 literal stands for, which {@link InetAddress#getByName} parses
     * without asking DNS; empty for a name or a malformed literal.
     */
    private static Optional<InetAddress> literal(String host) {
        if (!host.contains(":") && !host.matches("[0-9.]+")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
