package io.swarmdrop.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Free TCP ports for the servers a test starts, taken below the kernel's ephemeral range. A port
 * the kernel handed out for port 0 lies in that range, where every outgoing connection also takes
 * its local port: between the test picking it and the server binding it, a connection of another
 * process took it (a clean-clone run saw a daemon die with "Port already bound"). Below the range only servers
 * bind, and each port is checked free when handed out. Ports go in sequence from a random start, so
 * one JVM never hands out the same port twice and two JVMs rarely meet.
 */
public final class FreePorts {

    private static final int LOWEST = 10_000;
    private static final int ABOVE = ephemeralStart();
    private static final AtomicInteger NEXT =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(ABOVE - LOWEST));

    private FreePorts() {}

    public static int next() {
        for (int tries = 0; tries < 2_000; tries++) {
            int port = LOWEST + Math.floorMod(NEXT.getAndIncrement(), ABOVE - LOWEST);
            if (isFree(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free TCP port from " + LOWEST + " to " + (ABOVE - 1));
    }

    private static boolean isFree(int port) {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first port of the kernel's ephemeral range (Linux's default, 32768, when unreadable). */
    private static int ephemeralStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .trim();
            int start = Integer.parseInt(range.split("\\s+")[0]);
            return start > LOWEST + 1_000 ? start : 32_768;
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }
}
