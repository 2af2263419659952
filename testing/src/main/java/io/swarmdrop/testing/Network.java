package io.swarmdrop.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Several hosts on one machine: a network namespace per host, a bridge per zone, and rate-limited
 * links, all created here and removed by {@link #close}. Needs root and iproute2.
 *
 * <p>The layout, for a network made with prefix {@code 10.213}:
 * <pre>
 *   test JVM (root namespace) 10.213.0.1 --ctl-- core 10.213.0.2 (routes between zones)
 *   core 10.213.(100+z).1 --WAN z, rate-limited both ways-- zone z's router 10.213.(100+z).2
 *   zone z's router: bridge 10.213.z.1/24; host h of the zone 10.213.z.(10+h) on a veth into it,
 *                    rate-limited both ways
 * </pre>
 * The root namespace gets one address and one route, to the network's /16 and nowhere else, so the
 * test process can reach every host (ZooKeeper and the admin calls run there) while the hosts'
 * traffic stays inside the namespaces made here. This kernel has no {@code netem}: links get rates
 * (tbf) but no added delay.
 */
public final class Network implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Network.class);
    private static final Path STATE = Path.of("/var/run/netns");

    private final String id;
    private final String prefix;
    private final String core;
    private final String controlLink;
    private final List<Zone> zones = new ArrayList<>();
    private final List<String> namespaces = new ArrayList<>();
    private boolean closed;

    /** A zone: a router namespace with the zone's bridge, joined to the core by its WAN link. */
    public final class Zone {
        public final String name;
        final int index;
        final String router;
        final List<Host> hosts = new ArrayList<>();

        Zone(String name, int index, String router) {
            this.name = name;
            this.index = index;
            this.router = router;
        }

        /**
         * Adds a host to this zone on a link of {@code mbit} megabits per second each way (0 for no limit).
         */
        public Host host(String name, int mbit) {
            int number = hosts.size() + 1;
            String namespace = id + "-" + name;
            String address = prefix + "." + index + "." + (10 + number);
            addNamespace(namespace);
            String port = "h" + number;
            ip("-n", router, "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", namespace);
            ip("-n", router, "link", "set", port, "master", "br0", "up");
            ip("-n", namespace, "addr", "add", address + "/24", "dev", "eth0");
            ip("-n", namespace, "link", "set", "eth0", "up");
            ip("-n", namespace, "route", "add", "default", "via", prefix + "." + index + ".1");
            limit(namespace, "eth0", mbit);
            limit(router, port, mbit);
            var host = new Host(name, namespace, address, this);
            hosts.add(host);
            return host;
        }

        /** Bytes that entered this zone over its WAN link, from the router's counters. */
        public long wanBytesIn() {
            return counter(router, "wan", "rx_bytes");
        }

        /** Bytes that left this zone over its WAN link. */
        public long wanBytesOut() {
            return counter(router, "wan", "tx_bytes");
        }
    }

    /** One host: a namespace with one address, where processes start through {@link #command}. */
    public static final class Host {
        public final String name;
        public final String namespace;
        public final String address;
        public final Zone zone;

        Host(String name, String namespace, String address, Zone zone) {
            this.name = name;
            this.namespace = namespace;
            this.address = address;
            this.zone = zone;
        }

        /** The command line that runs {@code command} inside this host's namespace. */
        public List<String> command(List<String> command) {
            var inside = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
            inside.addAll(command);
            return inside;
        }

        /** Bytes this host sent and received on its link. */
        public long bytesSent() {
            return counter(namespace, "eth0", "tx_bytes");
        }

        public long bytesReceived() {
            return counter(namespace, "eth0", "rx_bytes");
        }

        @Override
        public String toString() {
            return name + " (" + address + ")";
        }
    }

    private Network(String prefix) {
        this.prefix = prefix;
        this.id = "sd"
                + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        this.core = id + "-core";
        this.controlLink = id + "c";
    }

    /**
     * Creates an empty network (the core and the test process's link to it) on {@code prefix}, the
     * first two octets of a private /16 that no real network of this machine uses.
     */
    public static Network create(String prefix) {
        var network = new Network(prefix);
        try {
            network.build();
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
        return network;
    }

    /** The default network, on {@code 10.213} unless {@code -Dswarmdrop.netns.prefix} says otherwise. */
    public static Network create() {
        return create(System.getProperty("swarmdrop.netns.prefix", "10.213"));
    }

    /** True when this machine can make namespaces (root and iproute2), for tests that need them. */
    public static boolean isAvailable() {
        try {
            Process probe = new ProcessBuilder("ip", "netns", "list")
                    .redirectErrorStream(true)
                    .start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0 && isRoot();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isRoot() throws IOException {
        return Files.readString(Path.of("/proc/self/status"))
                .lines()
                .filter(l -> l.startsWith("Uid:"))
                .anyMatch(l -> l.split("\\s+")[1].equals("0"));
    }

    private void build() {
        removeLeftovers();
        addNamespace(core);
        sysctl(core, "net.ipv4.ip_forward=1");
        ip("link", "add", controlLink, "type", "veth", "peer", "name", "ctl", "netns", core);
        ip("addr", "add", controlAddress() + "/24", "dev", controlLink);
        ip("link", "set", controlLink, "up");
        ip("-n", core, "addr", "add", prefix + ".0.2/24", "dev", "ctl");
        ip("-n", core, "link", "set", "ctl", "up");
        ip("route", "add", prefix + ".0.0/16", "via", prefix + ".0.2", "dev", controlLink);
        LOG.infof("network %s on %s.0.0/16 created", id, prefix);
    }

    /**
     * A test process killed before its clean-up leaves its link (with the route to this prefix) and
     * its namespaces behind; a new network on the same prefix removes them first.
     */
    private void removeLeftovers() {
        for (String line : output(List.of("ip", "-br", "addr", "show", "to", controlAddress()))
                .lines()
                .toList()) {
            String link = line.split("\\s+")[0].replaceAll("@.*", "");
            if (!link.matches("sd[0-9a-f]{4}c")) {
                continue;
            }
            String stale = link.substring(0, link.length() - 1);
            LOG.warnf("removing network %s, left by an earlier run", stale);
            quietly(List.of("ip", "link", "del", link));
            for (String namespace :
                    output(List.of("ip", "netns", "list")).lines().toList()) {
                String name = namespace.split("\\s+")[0];
                if (name.startsWith(stale + "-")) {
                    killProcessesIn(name);
                    quietly(List.of("ip", "netns", "del", name));
                }
            }
        }
    }

    /** The test process's own address, where hosts reach what the test runs itself (ZooKeeper). */
    public String controlAddress() {
        return prefix + ".0.1";
    }

    /** Adds a zone whose WAN link to the others carries {@code mbit} megabits per second each way (0 for no limit). */
    public Zone zone(String name, int mbit) {
        int index = zones.size() + 1;
        if (index > 99) {
            throw new IllegalStateException("at most 99 zones");
        }
        String router = id + "-zone-" + name;
        addNamespace(router);
        sysctl(router, "net.ipv4.ip_forward=1");
        String wan = prefix + "." + (100 + index);
        String corePort = "w" + index;
        ip("-n", core, "link", "add", corePort, "type", "veth", "peer", "name", "wan", "netns", router);
        ip("-n", core, "addr", "add", wan + ".1/24", "dev", corePort);
        ip("-n", core, "link", "set", corePort, "up");
        ip("-n", core, "route", "add", prefix + "." + index + ".0/24", "via", wan + ".2");
        ip("-n", router, "addr", "add", wan + ".2/24", "dev", "wan");
        ip("-n", router, "link", "set", "wan", "up");
        ip("-n", router, "route", "add", "default", "via", wan + ".1");
        ip("-n", router, "link", "add", "br0", "type", "bridge");
        ip("-n", router, "addr", "add", prefix + "." + index + ".1/24", "dev", "br0");
        ip("-n", router, "link", "set", "br0", "up");
        limit(core, corePort, mbit);
        limit(router, "wan", mbit);
        var zone = new Zone(name, index, router);
        zones.add(zone);
        return zone;
    }

    private void addNamespace(String namespace) {
        ip("netns", "add", namespace);
        namespaces.add(namespace);
        ip("-n", namespace, "link", "set", "lo", "up");
    }

    /** A token bucket on the device's egress: {@code mbit} megabits per second, a burst of a few milliseconds. */
    private static void limit(String namespace, String device, int mbit) {
        if (mbit <= 0) {
            return;
        }
        long bytesPerSecond = mbit * 1_000_000L / 8;
        long burst = Math.max(32_000, bytesPerSecond / 250);
        run(List.of(
                "tc",
                "-n",
                namespace,
                "qdisc",
                "add",
                "dev",
                device,
                "root",
                "tbf",
                "rate",
                mbit + "mbit",
                "burst",
                Long.toString(burst),
                "latency",
                "50ms"));
    }

    private static void sysctl(String namespace, String setting) {
        run(List.of("ip", "netns", "exec", namespace, "sysctl", "-q", "-w", setting));
    }

    private static long counter(String namespace, String device, String name) {
        String text = output(
                List.of("ip", "netns", "exec", namespace, "cat", "/sys/class/net/" + device + "/statistics/" + name));
        return Long.parseLong(text.trim());
    }

    private static void ip(String... args) {
        var command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        run(command);
    }

    private static void run(List<String> command) {
        output(command);
    }

    private static String output(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 30 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", command) + " failed (" + process.exitValue() + "): " + out.trim());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
        }
    }

    /**
     * Kills whatever still runs in the namespaces and removes them, the root namespace's link and
     * its route. Safe to call twice.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        var newestFirst = new ArrayList<>(namespaces);
        java.util.Collections.reverse(newestFirst);
        newestFirst.forEach(Network::killProcessesIn);
        quietly(List.of("ip", "link", "del", controlLink));
        for (String namespace : newestFirst) {
            quietly(List.of("ip", "netns", "del", namespace));
        }
        LOG.infof("network %s removed", id);
    }

    private static void killProcessesIn(String namespace) {
        try {
            for (String pid : output(List.of("ip", "netns", "pids", namespace)).split("\\s+")) {
                if (!pid.isBlank()) {
                    ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not list the processes of %s: %s", namespace, e.getMessage());
        }
    }

    private static void quietly(List<String> command) {
        try {
            run(command);
        } catch (RuntimeException e) {
            LOG.warnf("%s", e.getMessage());
        }
    }

    /** The namespaces this network made that still exist (for a test that checks the clean-up). */
    public List<String> remainingNamespaces() {
        if (!Files.isDirectory(STATE)) {
            return List.of();
        }
        try (var entries = Files.list(STATE)) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(namespaces::contains)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
