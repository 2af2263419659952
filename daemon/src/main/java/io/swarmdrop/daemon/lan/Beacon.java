package io.swarmdrop.daemon.lan;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The LAN's multicast sockets and nothing else: one UDP port, an IPv4 and an IPv6 group, joined on
 * every interface that takes multicast; datagrams out on each of them, datagrams in to a receiver.
 * What the datagrams say is {@link Lan}'s business.
 */
final class Beacon implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Beacon.class);

    /** Handles one datagram; {@code data} is valid only during the call. */
    interface Receiver {
        void received(byte[] data, int length, InetAddress from);
    }

    /** One multicast socket and the interfaces it joined on. */
    private record Channel(MulticastSocket socket, InetAddress group, List<NetworkInterface> interfaces) {}

    private final int port;
    private final int maxBytes;
    private final List<Channel> channels = new ArrayList<>();
    private volatile boolean open = true;

    private Beacon(int port, int maxBytes) {
        this.port = port;
        this.maxBytes = maxBytes;
    }

    /** Joins both groups on {@code port}; a family that fails is logged and left out. */
    static Beacon open(int port, String ipv4Group, String ipv6Group, int maxBytes, Receiver receiver) {
        var beacon = new Beacon(port, maxBytes);
        beacon.join(ipv4Group, Inet4Address.class);
        beacon.join(ipv6Group, Inet6Address.class);
        for (Channel channel : beacon.channels) {
            Thread thread = new Thread(
                    () -> beacon.receive(channel, receiver),
                    "lan-receive-" + channel.group().getHostAddress());
            thread.setDaemon(true);
            thread.start();
        }
        return beacon;
    }

    private void join(String address, Class<? extends InetAddress> family) {
        try {
            InetAddress group = InetAddress.getByName(address);
            var socket = new MulticastSocket(port);
            var joined = new ArrayList<NetworkInterface>();
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (usable(nic, family)) {
                    try {
                        socket.joinGroup(new InetSocketAddress(group, 0), nic);
                        joined.add(nic);
                    } catch (IOException e) {
                        LOG.debugf("LAN: cannot join %s on %s: %s", address, nic.getName(), e.getMessage());
                    }
                }
            }
            if (joined.isEmpty()) {
                socket.close();
                LOG.warnf("LAN: no network interface takes %s multicast", address);
                return;
            }
            channels.add(new Channel(socket, group, joined));
        } catch (IOException e) {
            LOG.warnf("LAN: cannot listen for %s: %s", address, e.getMessage());
        }
    }

    private static boolean usable(NetworkInterface nic, Class<? extends InetAddress> family) {
        try {
            return nic.isUp()
                    && nic.supportsMulticast()
                    && !nic.isLoopback()
                    && nic.inetAddresses().anyMatch(family::isInstance);
        } catch (SocketException e) {
            return false;
        }
    }

    /** Sends {@code data} to both groups on every joined interface; an interface that fails is skipped. */
    void send(byte[] data) {
        for (Channel channel : channels) {
            for (NetworkInterface nic : channel.interfaces()) {
                try {
                    channel.socket().setNetworkInterface(nic);
                    channel.socket().send(new DatagramPacket(data, data.length, channel.group(), port));
                } catch (IOException e) {
                    LOG.debugf("LAN: cannot send on %s: %s", nic.getName(), e.getMessage());
                }
            }
        }
    }

    private void receive(Channel channel, Receiver receiver) {
        // Twice the largest datagram we send: a longer one is cut and fails to parse, never overflows.
        byte[] buffer = new byte[maxBytes * 2];
        while (open) {
            var packet = new DatagramPacket(buffer, buffer.length);
            try {
                channel.socket().receive(packet);
            } catch (IOException e) {
                if (open) {
                    LOG.warnf("LAN: receiving stopped: %s", e.getMessage());
                }
                return;
            }
            receiver.received(packet.getData(), packet.getLength(), packet.getAddress());
        }
    }

    /** The groups joined, as {@code group%interface}. */
    List<String> interfaces() {
        return channels.stream()
                .flatMap(c -> c.interfaces().stream().map(n -> c.group().getHostAddress() + "%" + n.getName()))
                .toList();
    }

    /** The groups joined. */
    List<String> groups() {
        return channels.stream().map(c -> c.group().getHostAddress()).toList();
    }

    @Override
    public void close() {
        open = false;
        channels.forEach(c -> c.socket().close());
        channels.clear();
    }
}
