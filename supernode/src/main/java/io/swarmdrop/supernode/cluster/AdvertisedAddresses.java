package io.swarmdrop.supernode.cluster;

import io.swarmdrop.core.cluster.SupernodeRecord;
import io.swarmdrop.core.net.Hosts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where this supernode is reached, as opposed to where it listens.
 *
 * @param publicUrl the URL of its API and tracker that other hosts use (ZooKeeper record, daemons)
 * @param selfUrl the URL its own torrent session announces to: the API's bind address, or loopback
 *     when the API listens on every interface. Its own announces need no route through the network,
 *     and trackers take a supernode's peer address from its record, not from the announce.
 * @param peerHost the address or name peers connect to for BitTorrent
 * @param advertisedPort the port peers connect to, when it is not the one libtorrent listens on
 * @param httpHost where the API listens ({@code quarkus.http.host})
 * @param torrentHost where libtorrent listens ({@code torrent.host})
 */
public record AdvertisedAddresses(
        String publicUrl,
        String selfUrl,
        String peerHost,
        Optional<Integer> advertisedPort,
        String httpHost,
        String torrentHost) {

    /** Derives the addresses from the settings; see {@code SupernodeConfig} for the precedence. */
    static AdvertisedAddresses from(
            String scheme,
            Optional<String> publicUrl,
            String httpHost,
            int httpPort,
            Optional<String> advertisedHost,
            String torrentHost,
            Optional<Integer> advertisedPort) {
        String bound = Hosts.isWildcard(httpHost) ? "127.0.0.1" : Hosts.forUrl(httpHost);
        String selfUrl = scheme + "://" + bound + ":" + httpPort;
        String url = publicUrl.map(AdvertisedAddresses::withoutSlash).orElse(selfUrl);
        String peerHost = advertisedHost
                .map(String::trim)
                .or(() -> publicUrl.map(Hosts::hostOf))
                .or(() -> Hosts.isWildcard(torrentHost) ? Optional.empty() : Optional.of(torrentHost))
                .orElseGet(() -> Hosts.hostOf(url));
        if (Hosts.isWildcard(peerHost)) {
            throw new IllegalArgumentException("swarmdrop.supernode.torrent.advertised-host is " + peerHost
                    + ", a wildcard: give the address peers connect to");
        }
        return new AdvertisedAddresses(url, selfUrl, peerHost, advertisedPort, httpHost, torrentHost);
    }

    /** The port peers connect to, given the one libtorrent listens on. */
    public int peerPort(int listening) {
        return advertisedPort.orElse(listening);
    }

    private static String withoutSlash(String url) {
        String trimmed = url.trim();
        Hosts.hostOf(trimmed);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    /** True when another host could not reach this supernode at what it advertises. */
    boolean isLoopback() {
        return Hosts.isLoopback(Hosts.hostOf(publicUrl)) || Hosts.isLoopback(peerHost);
    }

    /**
     * Why advertising loopback would leave this supernode out of delivery, if the settings or the
     * cluster show other hosts: a bind address or ZooKeeper on another interface, or a live
     * supernode that advertises a reachable address. Empty when nothing shows other hosts, as on
     * the one-host default, or when the addresses are not loopback.
     */
    Optional<String> loopbackProblem(String zookeeperConnect, List<SupernodeRecord> others) {
        if (!isLoopback()) {
            return Optional.empty();
        }
        var evidence = new ArrayList<String>();
        if (!Hosts.isWildcard(httpHost) && !Hosts.isLoopback(httpHost)) {
            evidence.add("its API listens on " + httpHost);
        }
        if (!Hosts.isWildcard(torrentHost) && !Hosts.isLoopback(torrentHost)) {
            evidence.add("libtorrent listens on " + torrentHost);
        }
        for (String server : zookeeperConnect.split(",")) {
            String host = server.contains("]") ? server.substring(0, server.indexOf(']') + 1) : server.split(":")[0];
            if (!host.isBlank() && !Hosts.isLoopback(host) && !host.contains("/")) {
                evidence.add("its ZooKeeper is at " + host);
                break;
            }
        }
        others.stream()
                .filter(r -> !Hosts.isLoopback(Hosts.hostOf(r.apiUrl())))
                .findFirst()
                .ifPresent(r -> evidence.add("supernode " + r.node() + " is at " + r.apiUrl()));
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("this supernode advertises " + publicUrl + " (peers: " + peerHost
                + "), which only its own host can reach, but " + String.join(", ", evidence)
                + ". Set swarmdrop.supernode.public-url to the URL other hosts reach it at"
                + " (and swarmdrop.supernode.torrent.advertised-host behind NAT)");
    }
}
