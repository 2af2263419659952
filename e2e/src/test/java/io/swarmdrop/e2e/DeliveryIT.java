package io.swarmdrop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.swarmdrop.core.api.PeerCertificate;
import io.swarmdrop.core.bencode.Bencode;
import io.swarmdrop.core.security.PeerRoots;
import io.swarmdrop.core.security.SecretFiles;
import io.swarmdrop.core.torrent.Metainfo;
import io.swarmdrop.engine.DhParameters;
import io.swarmdrop.testing.DaemonProcess;
import io.swarmdrop.testing.RandomFiles;
import io.swarmdrop.testing.TestCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Issue 2, items 1 and 2: files dropped in alice's outbox arrive in bob's inbox, over BitTorrent. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryIT {

    /** File sizes in bytes; a benchmark can pass bigger ones with -Dswarmdrop.e2e.sizes=... */
    private static final List<Long> SIZES = Arrays.stream(
                    System.getProperty("swarmdrop.e2e.sizes", "1024,10485760,209715200")
                            .split(","))
            .map(String::trim)
            .map(Long::parseLong)
            .toList();

    private final Path folder =
            Path.of("target", "e2e", "delivery-" + System.currentTimeMillis()).toAbsolutePath();
    private TestCluster cluster;
    private DaemonProcess alice;
    private DaemonProcess bob;

    @BeforeAll
    void startCluster() throws IOException, InterruptedException {
        cluster = new TestCluster(folder).startSupernode();
        cluster.createUser("alice", "alice-password");
        cluster.createUser("bob", "bob-password");
        cluster.createGroup("design", "alice", "bob");
        // The standard client fetches a publication bob's daemon already has: by default the
        // collector removes a publication once every recipient has it, and then the tracker
        // refuses it (CI saw the client refused when a collection pass came first).
        cluster.setPolicy("design", "retention.delete-when-delivered = false\n");
        alice = cluster.daemon("alice", "alice-password").start();
        bob = cluster.daemon("bob", "bob-password").start();
    }

    @AfterAll
    void stopCluster() throws InterruptedException {
        cluster.close();
    }

    @Test
    void deliversEveryFileIntactAndNeverShowsAPartialFileInTheInbox() throws Exception {
        Map<String, Long> expected = new LinkedHashMap<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        for (long size : SIZES) {
            String name = "random-" + size + ".bin";
            Path source = RandomFiles.write(folder.resolve("sources").resolve(name), size, size);
            expected.put(name, size);
            hashes.put(name, RandomFiles.sha256(source));
        }
        List<String> partialSightings = new CopyOnWriteArrayList<>();
        Map<String, Long> seen = new ConcurrentHashMap<>();
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
        watcher.scheduleAtFixedRate(
                () -> watchInbox(bob.inbox("design"), expected, seen, partialSightings), 0, 10, TimeUnit.MILLISECONDS);
        try {
            for (String name : expected.keySet()) {
                alice.drop("design", folder.resolve("sources").resolve(name));
            }

            // Awaited through the watcher, so it has looked at every file before it stops (a file
            // that appeared just before a poll of its own could otherwise go unseen by it).
            await("every file in bob's inbox, seen by the watcher")
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> seen.keySet().containsAll(expected.keySet()));
        } finally {
            watcher.shutdownNow();
            watcher.awaitTermination(5, TimeUnit.SECONDS);
        }

        for (String name : expected.keySet()) {
            assertThat(RandomFiles.sha256(bob.inbox("design").resolve(name)))
                    .as(name)
                    .isEqualTo(hashes.get(name));
        }
        assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(partialSightings)
                .as("partial or unexpected files seen in bob's inbox")
                .isEmpty();
        assertThat(Files.list(bob.inbox("design")).count()).isEqualTo(expected.size());
    }

    private static void watchInbox(
            Path inbox, Map<String, Long> expected, Map<String, Long> seen, List<String> problems) {
        try (Stream<Path> files = Files.list(inbox)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                long size = Files.size(file);
                Long wanted = expected.get(name);
                if (wanted == null || size != wanted) {
                    problems.add(name + " with " + size + " bytes");
                }
                seen.put(name, size);
            }
        } catch (IOException e) {
            // The folder is being written; the next look sees it settled.
        }
    }

    @Test
    void theBytesTravelOverBitTorrentBetweenThePeers() throws Exception {
        long size = 8L << 20;
        Path source = RandomFiles.write(folder.resolve("sources/torrent-proof.bin"), size, 42);
        alice.drop("design", source);

        await().atMost(Duration.ofMinutes(2))
                .until(() -> Files.exists(bob.inbox("design").resolve("torrent-proof.bin")));
        await("the supernode stored its copy").atMost(Duration.ofMinutes(1)).until(() -> cluster.supernodeTransfer(
                        "torrent-proof.bin")
                .get("finished")
                .asBoolean());

        JsonNode supernode = cluster.supernodeTransfer("torrent-proof.bin");
        JsonNode publisher = alice.transfer("torrent-proof.bin");
        JsonNode received = bob.delivery("torrent-proof.bin");
        // Both copies came from libtorrent peers: bob's and the supernode's sessions each downloaded
        // the whole file, and bob's copy was uploaded by alice's and the supernode's sessions.
        assertThat(received.get("downloadedBytes").asLong()).isGreaterThanOrEqualTo(size);
        assertThat(supernode.get("downloaded").asLong()).isGreaterThanOrEqualTo(size);
        assertThat(publisher.get("uploaded").asLong()
                        + supernode.get("uploaded").asLong())
                .isGreaterThanOrEqualTo(size);

        String id = supernode.get("key").asText();
        List<String> announcers = new ArrayList<>();
        cluster.admin("GET", "/admin/tracker/" + id, null, 200)
                .forEach(p -> announcers.add(p.get("who").asText()));
        assertThat(announcers)
                .anyMatch(w -> w.startsWith("alice/"))
                .anyMatch(w -> w.startsWith("bob/"))
                .anyMatch(w -> w.startsWith("supernode:"));
    }

    /**
     * Issue 2, item 6: a standard BitTorrent client, given a device's passkey in the announce URL,
     * fetches a publication from the supernode. Debian's aria2 1.36 and Transmission 3.00 cannot
     * read hybrid torrents, so the client is libtorrent-rasterbar's Python binding (the engine of
     * qBittorrent and Deluge), driven as a standalone program.
     */
    @Test
    void aStandardBitTorrentClientWithAValidPasskeyFetchesAPublicationFromTheSupernode() throws Exception {
        long size = 3L << 20;
        Path source = RandomFiles.write(folder.resolve("sources/for-a-client.bin"), size, 77);
        alice.drop("design", source);
        await("the supernode holds the whole file")
                .atMost(Duration.ofMinutes(1))
                .ignoreExceptions()
                .until(() -> cluster.supernodeTransfer("for-a-client.bin")
                        .get("finished")
                        .asBoolean());
        String id = cluster.supernodeTransfer("for-a-client.bin").get("key").asText();
        alice.stop();
        try {
            fetchWithAStandardClient(id, source);
        } finally {
            alice.start();
        }
    }

    private void fetchWithAStandardClient(String id, Path source) throws Exception {
        JsonNode device = bobsOtherDevice();
        byte[] metainfo = TestCluster.get(
                        cluster.url() + "/api/publications/" + id + "/torrent",
                        device.get("token").asText())
                .body();
        @SuppressWarnings("unchecked")
        var root = new LinkedHashMap<String, Object>((Map<String, Object>) Bencode.decode(metainfo));
        root.put(
                "announce",
                cluster.url() + "/announce?pk=" + device.get("passkey").asText());
        Path downloads = Files.createDirectories(folder.resolve("client/downloads"));
        Path torrent = Files.write(folder.resolve("client/publication.torrent"), Bencode.encode(root));
        Path log = folder.resolve("client/client.log");
        // A member's device gets a peer certificate of the torrent's root, as the daemon does.
        KeyPair keys = PeerRoots.newKeyPair();
        String rootId = PeerRoots.idOf(Metainfo.parse(metainfo).peerRoot());
        PeerCertificate.Issued issued = cluster.client(device.get("token").asText())
                .peerCertificate(
                        "design", new PeerCertificate.Request(PeerRoots.encodePublicKey(keys.getPublic()), rootId));
        Path certificate = Files.writeString(folder.resolve("client/peer.crt"), issued.certificate());
        Path key = folder.resolve("client/peer.key");
        SecretFiles.write(key, PeerRoots.privateKeyPem(keys.getPrivate()));
        Path dh = Files.writeString(folder.resolve("client/dh.pem"), DhParameters.FFDHE2048);

        var run = new ProcessBuilder(
                        "/usr/bin/python3",
                        Path.of("src/test/python/standard_client.py")
                                .toAbsolutePath()
                                .toString(),
                        torrent.toString(),
                        downloads.toString(),
                        "90",
                        certificate.toString(),
                        key.toString(),
                        dh.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // The tracker is HTTPS: the client's own announcer checks its certificate against this CA.
        run.environment().put("SSL_CERT_FILE", TestCluster.caCertificate().toString());
        Process client = run.start();
        boolean exited = client.waitFor(2, TimeUnit.MINUTES);
        if (!exited) {
            client.destroyForcibly();
        }

        assertThat(exited).as("the client finished within 2 minutes").isTrue();
        assertThat(client.exitValue())
                .as("client exit code; its output: " + Files.readString(log))
                .isZero();
        assertThat(RandomFiles.sha256(downloads.resolve("for-a-client.bin"))).isEqualTo(RandomFiles.sha256(source));
        assertThat(Files.readString(log)).contains("received peers");
    }

    private JsonNode bobsOtherDevice() throws Exception {
        return TestCluster.JSON.readTree(
                cluster.login("bob", "bob-password", "bobs-laptop").body());
    }
}
