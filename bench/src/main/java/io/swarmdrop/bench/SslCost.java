package io.swarmdrop.bench;

import io.swarmdrop.core.security.PeerCredential;
import io.swarmdrop.core.security.PeerRoots;
import io.swarmdrop.core.torrent.Metainfo;
import io.swarmdrop.engine.EngineOptions;
import io.swarmdrop.engine.PeerCredentials;
import io.swarmdrop.engine.TorrentCreator;
import io.swarmdrop.engine.TorrentEngine;
import io.swarmdrop.engine.TrackerAccess;
import io.swarmdrop.testing.FreePorts;
import io.swarmdrop.testing.RandomFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Scenario "ssl": what SSL torrents cost on the data plane. One seeding and N fetching libtorrent
 * sessions (the engine the daemons and supernodes run, each with its own listen socket) in this
 * JVM, over loopback, fetch the same file as a plain torrent and as an SSL torrent, back to back
 * in every run; every session connects to every other, as a swarm does. Only the transfer is
 * timed (from the first connection until the last session has every piece verified): the control
 * plane is the same either way.
 */
final class SslCost {

    private static final long MIB = 1 << 20;

    /** An office uplink, 100 Mbit/s: the bandwidth-bound rows limit every session's upload to it. */
    static final int OFFICE_UPLINK = 100_000_000 / 8;

    /** One size to one width, {@code uplink} bytes/s of upload per session (0: unlimited). */
    record Row(long size, int width, int uplink, Stats plain, Stats ssl) {
        double ratio() {
            return ssl.median() / plain.median();
        }
    }

    private SslCost() {}

    /**
     * Every size to every width with unlimited sessions (CPU-bound: nine sessions share this
     * host's cores), then every size to the widest width with each session's upload held to an
     * office uplink (bandwidth-bound, as a deployment is, with a CPU per host).
     */
    static List<Row> run(Path work, List<Long> sizes, List<Integer> widths, int runs) throws Exception {
        var rows = new ArrayList<Row>();
        for (long size : sizes) {
            for (int width : widths) {
                rows.add(row(work, size, width, 0, runs));
            }
        }
        int widest = widths.stream().mapToInt(Integer::intValue).max().orElseThrow();
        for (long size : sizes) {
            rows.add(row(work, size, widest, OFFICE_UPLINK, runs));
        }
        return rows;
    }

    private static Row row(Path work, long size, int width, int uplink, int runs) throws Exception {
        PeerRoots.Root root = PeerRoots.create("bench");
        var row = new Row(size, width, uplink, new Stats(), new Stats());
        for (int run = 1; run <= runs; run++) {
            Path source = RandomFiles.write(
                    work.resolve("sources/ssl-" + size / MIB + "m-" + run + ".bin"), size, 1_000L * width + run);
            Metainfo plain = TorrentCreator.create(source);
            Metainfo ssl = plain.withPeerRoot(root.certificatePem());
            row.plain().add(fanOut(work.resolve("plain-" + run), source, plain, null, width, uplink));
            row.ssl().add(fanOut(work.resolve("ssl-" + run), source, ssl, root, width, uplink));
            System.out.printf(
                    "ssl cost: %d MiB to %d%s, run %d: plain %.2f s, SSL %.2f s%n",
                    size / MIB,
                    width,
                    uplink == 0 ? "" : " at 100 Mbit/s up",
                    run,
                    row.plain().last(),
                    row.ssl().last());
            Files.delete(source);
        }
        return row;
    }

    /** Seconds until {@code width} sessions hold the whole file, fetched from one seed and each other. */
    private static double fanOut(
            Path folder, Path source, Metainfo metainfo, PeerRoots.Root root, int width, int uplink) throws Exception {
        var sessions = new ArrayList<TorrentEngine>();
        try {
            TorrentEngine seeder = session(root, uplink);
            sessions.add(seeder);
            seeder.add("t", metainfo, source.getParent(), List.of(), true, null);
            var fetchers = new ArrayList<TorrentEngine>();
            for (int i = 0; i < width; i++) {
                TorrentEngine fetcher = session(root, uplink);
                sessions.add(fetcher);
                fetchers.add(fetcher);
                fetcher.add("t", metainfo, folder.resolve("f" + i), List.of(), false, null);
            }
            long start = System.nanoTime();
            long deadline = start + TimeUnit.MINUTES.toNanos(10);
            for (TorrentEngine fetcher : fetchers) {
                for (TorrentEngine other : sessions) {
                    if (other != fetcher) {
                        // Plain torrents take peers on the plain socket only, SSL ones on the TLS socket.
                        fetcher.connect("t", "127.0.0.1", root == null ? other.plainPort() : other.port());
                    }
                }
            }
            while (fetchers.stream()
                    .anyMatch(f -> !f.status("t").map(s -> s.finished()).orElse(false))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "the " + (root == null ? "plain" : "SSL") + " fan-out took over 10 minutes");
                }
                Thread.sleep(20);
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            sessions.forEach(TorrentEngine::close);
            io.swarmdrop.core.files.FileTrees.delete(folder);
        }
    }

    /** A session with its own certificate of {@code root}, or none for plain torrents. */
    private static TorrentEngine session(PeerRoots.Root root, int uplink) {
        PeerCredentials credentials = PeerCredentials.NONE;
        if (root != null) {
            KeyPair keys = PeerRoots.newKeyPair();
            PeerCredential credential = PeerRoots.issue(root, keys.getPublic(), "bench", "bench", "bench")
                    .withKey(PeerRoots.privateKeyPem(keys.getPrivate()));
            credentials = pem -> Optional.of(credential);
        }
        // A torrent's own limit holds for loopback peers too (the session-wide limits exempt local ones).
        var options = new EngineOptions("127.0.0.1", FreePorts.next(), 0, uplink, 0);
        var engine = new TorrentEngine(options, credentials, TrackerAccess.NONE);
        engine.start();
        return engine;
    }

    static String markdown(List<Row> rows, int runs) {
        var text = new StringBuilder();
        text.append("### Data plane: SSL torrents against plain ones\n\n");
        text.append(
                "One seeding and N fetching libtorrent sessions in one JVM over loopback, every session connected to\n"
                        + "every other; the same file as a plain torrent and as an SSL torrent back to back in each run (median of "
                        + runs + ", lowest and highest in brackets). Only the transfer is timed. Unlimited rows are\n"
                        + "CPU-bound (up to nine sessions, and their TLS, share the cores); the rows at 100 Mbit/s hold every session's\n"
                        + "upload to an office uplink, as links bound a deployment where each host has its own CPU.\n\n");
        text.append(
                "| file to N | uploads | plain (s) | SSL (s) | SSL / plain | plain MB/s per fetcher | SSL MB/s per fetcher |\n");
        text.append("|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            double mb = row.size() / 1e6;
            text.append(String.format(
                    "| %d MiB to %d | %s | %s | %s | %.2fx | %.0f | %.0f |%n",
                    row.size() / MIB,
                    row.width(),
                    row.uplink() == 0 ? "unlimited" : row.uplink() * 8 / 1_000_000 + " Mbit/s",
                    row.plain().show("%.2f"),
                    row.ssl().show("%.2f"),
                    row.ratio(),
                    mb / row.plain().median(),
                    mb / row.ssl().median()));
        }
        return text.toString();
    }
}
