package io.swarmdrop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.swarmdrop.core.api.client.SupernodeException;
import io.swarmdrop.core.directory.Enrolment;
import io.swarmdrop.engine.TorrentCreator;
import io.swarmdrop.testing.DaemonProcess;
import io.swarmdrop.testing.HostileMetainfo;
import io.swarmdrop.testing.RandomFiles;
import io.swarmdrop.testing.TestCluster;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 2, item 5: bad input gets a clear answer, and the next file is still delivered. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    private final Path folder =
            Path.of("target", "e2e", "bad-input-" + System.nanoTime()).toAbsolutePath();
    private TestCluster cluster;
    private DaemonProcess alice;
    private DaemonProcess bob;
    private Enrolment aliceLaptop;
    private int delivered;

    @BeforeAll
    void startCluster() throws Exception {
        cluster = new TestCluster(folder).startSupernode();
        cluster.createUser("alice", "alice-password");
        cluster.createUser("bob", "bob-password");
        cluster.createGroup("design", "alice", "bob");
        cluster.createGroup("finance", "bob");
        alice = cluster.daemon("alice", "alice-password").start();
        bob = cluster.daemon("bob", "bob-password").start();
        aliceLaptop = cluster.client(null).login("alice", "alice-password", "test-laptop");
    }

    @AfterAll
    void stopCluster() throws InterruptedException {
        cluster.close();
    }

    /** After every refusal the system still delivers the next file. */
    @AfterEach
    void stillDeliversTheNextFile() throws Exception {
        String name = "next-" + (++delivered) + ".bin";
        Path source = RandomFiles.write(folder.resolve("sources").resolve(name), 64 * 1024, delivered);
        alice.drop("design", source);
        await(name + " delivered after bad input")
                .atMost(Duration.ofMinutes(1))
                .until(() -> Files.exists(bob.inbox("design").resolve(name)));
        assertThat(RandomFiles.sha256(bob.inbox("design").resolve(name))).isEqualTo(RandomFiles.sha256(source));
    }

    /**
     * Findings A4 and A10: every file holding a secret is the owner's alone: the daemon's journal
     * (token and passkey) in an owner-only folder, the supernode's admin token and ZooKeeper
     * credentials.
     */
    @Test
    void secretsAtRestAreTheOwnersAlone() throws Exception {
        Path journal = bob.root.resolve(".swarmdrop/journal");
        assertThat(Files.getPosixFilePermissions(journal)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(journal.resolve("journal.mv.db")).exists();
        assertThat(bob.root.resolve(".swarmdrop/journal.mv.db")).doesNotExist();
        for (String secret : new String[] {"admin-token", "zookeeper-credentials"}) {
            assertThat(Files.getPosixFilePermissions(folder.resolve("supernode").resolve(secret)))
                    .as(secret)
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void aWrongPasswordIsRefusedWith401() throws Exception {
        Answer answer = login("alice", "not-her-password");

        assertThat(answer.status).isEqualTo(401);
        assertThat(answer.error).isEqualTo("wrong user or password");
        assertThat(login("nobody", "whatever").status).isEqualTo(401);
    }

    @Test
    void callsWithoutAValidTokenAreRefusedWith401() throws Exception {
        assertThat(TestCluster.get(cluster.url() + "/api/me", null).statusCode())
                .isEqualTo(401);
        assertThat(TestCluster.get(cluster.url() + "/api/me", "forged-token").statusCode())
                .isEqualTo(401);
        assertThat(TestCluster.get(cluster.url() + "/admin/users", "forged-token")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void publishingToAGroupTheUserIsNotInIsRefusedWith403() throws Exception {
        byte[] torrent = torrentOf("budget.xlsx");

        Answer answer = publish("finance", torrent);

        assertThat(answer.status).isEqualTo(403);
        assertThat(answer.error).contains("not a member of group 'finance'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape.bin", "/etc/cron.d/evil", "..", "CON", "nul.txt", "a\\b.bin"})
    void metainfoWhoseNameCouldLeaveTheInboxIsRefusedWith400(String hostileName) throws Exception {
        byte[] torrent = HostileMetainfo.renamed(torrentOf("harmless.bin"), hostileName);

        Answer answer = publish("design", torrent);

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.error).contains("unsafe file name");
    }

    @Test
    void publicOrGarbageMetainfoIsRefusedWith400() throws Exception {
        assertThat(publish("design", HostileMetainfo.withoutPrivateFlag(torrentOf("open.bin"))).error)
                .contains("not private");
        assertThat(publish("design", "not a torrent".getBytes(StandardCharsets.UTF_8)).status)
                .isEqualTo(400);
    }

    @Test
    void malformedOrUnauthenticatedAnnouncesGetABencodedFailureReason() throws Exception {
        String hash = "%01".repeat(20);
        String peer = "-XX0001-" + "a".repeat(12);
        assertThat(announce("")).startsWith("d14:failure reason").contains("missing announce parameters");
        assertThat(announce("info_hash=" + hash + "&peer_id=" + peer + "&port=6881"))
                .contains("missing passkey");
        assertThat(announce("pk=forged&info_hash=" + hash + "&peer_id=" + peer + "&port=6881"))
                .contains("passkey not valid");
        String passkey = aliceLaptop.passkey();
        assertThat(announce("pk=" + passkey + "&info_hash=%01%02&peer_id=" + peer + "&port=6881"))
                .contains("info_hash must be 20 bytes");
        assertThat(announce("pk=" + passkey + "&info_hash=" + hash + "&peer_id=" + peer + "&port=0"))
                .contains("port must be between 1 and 65535");
        assertThat(announce("pk=" + passkey + "&info_hash=" + hash + "&peer_id=" + peer + "&port=6881"))
                .contains("unknown torrent");
    }

    @Test
    void aFolderInTheOutboxThatIsNoGroupIsLoggedAndIgnored() throws Exception {
        Path stray = alice.root.resolve("outbox/nosuch/stray.bin");
        RandomFiles.write(stray, 1024, 9);

        await("alice's warning").atMost(Duration.ofSeconds(30)).until(() -> Files.readString(alice.log())
                .contains("outbox folder 'nosuch' is not one of your groups"));
        assertThat(Files.exists(stray)).isTrue();
        assertThat(cluster.supernodeTransfer("stray.bin")).isNull();
    }

    @Test
    void anOutboxFileWithAnUnsafeNameStaysWhereItIsWithTheReasonLogged() throws Exception {
        Path reserved = RandomFiles.write(alice.outbox("design").resolve("AUX"), 2048, 10);

        await("alice's refusal").atMost(Duration.ofSeconds(30)).until(() -> Files.readString(alice.log())
                .contains("'AUX' was not published"));
        assertThat(reserved).exists();
        assertThat(cluster.supernodeTransfer("AUX")).isNull();
    }

    /** Issue 3, item 5: a file the group's policy refuses stays in the outbox, with the reason logged. */
    @Test
    void aFileTheGroupPolicyRefusesStaysInTheOutboxWithTheReason() throws Exception {
        cluster.setPolicy(
                "design",
                "admission.refused-extensions = exe\nadmission.max-file-size = 1MB\n"
                        + "admission.refused-types = application/x-msdownload\n");
        try {
            Path tool = RandomFiles.write(folder.resolve("sources/tool.exe"), 4096, 20);
            Path video = RandomFiles.write(folder.resolve("sources/video.bin"), 2L << 20, 21);
            Path disguised = Files.write(
                    folder.resolve("sources/invoice.pdf"),
                    "MZ\u0090\u0000 a Windows program under a harmless name".getBytes(StandardCharsets.ISO_8859_1));
            alice.drop("design", tool);
            alice.drop("design", video);
            alice.drop("design", disguised);

            await("alice's refusals")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> Files.readString(alice.log()).contains("'tool.exe' was not published")
                            && Files.readString(alice.log()).contains("'video.bin' was not published")
                            && Files.readString(alice.log()).contains("'invoice.pdf' was not published"));
            assertThat(Files.readString(alice.log()))
                    .contains("files of type .exe are refused in this group")
                    .contains("the file has 2 MB, more than this group's limit of 1 MB")
                    .contains("its content is application/x-msdownload, which this group refuses");
            JsonNode marked = TestCluster.byField(alice.status().get("outbox"), "name", "tool.exe");
            assertThat(marked.get("state").asText()).isEqualTo("REFUSED");
            assertThat(marked.get("message").asText()).contains("files of type .exe are refused in this group");
            assertThat(alice.outbox("design").resolve("tool.exe")).exists();
            assertThat(alice.outbox("design").resolve("video.bin")).exists();
            assertThat(bob.inbox("design").resolve("video.bin")).doesNotExist();
            assertThat(bob.inbox("design").resolve("invoice.pdf")).doesNotExist();
        } finally {
            cluster.setPolicy("design", "");
        }
    }

    /** What the supernode answered a call through the daemon API's client: its status and error. */
    private record Answer(int status, String error) {
        static Answer of(Runnable call) {
            try {
                call.run();
                return new Answer(200, null);
            } catch (SupernodeException e) {
                return new Answer(e.status(), e.getMessage());
            }
        }
    }

    private Answer login(String user, String password) {
        return Answer.of(() -> cluster.client(null).login(user, password, "test-laptop"));
    }

    private Answer publish(String group, byte[] torrent) {
        return Answer.of(() -> cluster.client(aliceLaptop.token()).publish(group, torrent, "application/octet-stream"));
    }

    private String announce(String query) throws Exception {
        HttpResponse<byte[]> response = TestCluster.get(cluster.url() + "/announce?" + query, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return new String(response.body(), StandardCharsets.ISO_8859_1);
    }

    private byte[] torrentOf(String name) throws IOException {
        return TorrentCreator.create(
                        RandomFiles.write(folder.resolve("torrents").resolve(name), 4096, name.hashCode()))
                .bytes();
    }
}
