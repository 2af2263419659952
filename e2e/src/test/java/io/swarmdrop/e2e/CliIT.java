package io.swarmdrop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.swarmdrop.testing.DaemonProcess;
import io.swarmdrop.testing.RandomFiles;
import io.swarmdrop.testing.TestCluster;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 7, item 4: the real {@code swarmdrop} command against running daemons, with its exit codes. */
class CliIT {

    private final Path folder =
            Path.of("target", "e2e", "cli-" + System.nanoTime()).toAbsolutePath();
    private TestCluster cluster;
    private DaemonProcess alice;
    private DaemonProcess bob;

    @BeforeEach
    void start() throws Exception {
        cluster = new TestCluster(folder).startSupernode();
        cluster.createUser("alice", "alice-password");
        cluster.createUser("bob", "bob-password");
        cluster.createGroup("design", "alice", "bob");
        cluster.setPolicy("design", "retention.delete-when-delivered = false\n");
        alice = cluster.daemon("alice", "alice-password").start();
        bob = cluster.daemon("bob", "bob-password")
                .with("swarmdrop.daemon.torrent.download-limit", Long.toString(2L << 20))
                .start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        cluster.close();
    }

    @Test
    void theCommandDrivesTheDaemonAndExitsWithCodesAScriptCanRelyOn() throws Exception {
        DaemonProcess.Run status = bob.command("status");
        assertThat(status.exit()).isZero();
        assertThat(status.out())
                .contains("user:       bob")
                .contains("(connected)")
                .contains("design");
        assertThat(bob.command("groups").out()).isEqualTo("design\n");

        Path source = RandomFiles.write(folder.resolve("sources/catalogue.bin"), 12L << 20, 40);
        DaemonProcess.Run published = alice.command("publish", source.toString(), "--group", "design", "--wait");
        assertThat(published.exit()).as(published.err()).isZero();
        assertThat(published.out())
                .contains("catalogue.bin is in the outbox of design")
                .contains("published as ");
        String id = published.out().replaceAll("(?s).*published as (\\S+).*", "$1");

        await("bob is fetching")
                .atMost(Duration.ofMinutes(1))
                .ignoreExceptions()
                .until(() -> bob.transfer("catalogue.bin") != null);
        DaemonProcess.Run watched = bob.command("transfers", "--watch");
        assertThat(watched.exit()).isZero();
        assertThat(watched.out()).contains("catalogue.bin").contains("100%");

        Path delivered = bob.inbox("design").resolve("catalogue.bin");
        await("bob's copy").atMost(Duration.ofMinutes(1)).until(() -> Files.exists(delivered));
        await("listed as received").atMost(Duration.ofSeconds(30)).until(() -> bob.command("ls")
                .out()
                .matches("(?s).*" + id + ".*(acknowledged|delivered).*catalogue\\.bin.*"));

        Files.delete(delivered);
        DaemonProcess.Run again = bob.command("get", id, "--wait");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("fetching catalogue.bin").contains("delivered to");
        assertThat(RandomFiles.sha256(delivered)).isEqualTo(RandomFiles.sha256(source));
        assertThat(bob.command("get", id).exit()).as("already in the inbox").isEqualTo(4);

        DaemonProcess.Run unknown = bob.command("get", "nosuchpublication");
        assertThat(unknown.exit()).isEqualTo(5);
        assertThat(unknown.err()).startsWith("swarmdrop: ");
        assertThat(bob.command("publish", folder.resolve("missing.bin").toString(), "--group", "design")
                        .exit())
                .isEqualTo(4);
        // Finding A11: the local API takes a file's bytes, never a path the daemon opens for it.
        var deputy = TestCluster.send(HttpRequest.newBuilder(URI.create(bob.localUrl("local/publish")))
                .header("Authorization", "Bearer " + bob.localToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"path\":\""
                        + bob.root.resolve(".swarmdrop/journal/journal.mv.db") + "\",\"group\":\"design\"}"))
                .build());
        assertThat(deputy.statusCode()).isEqualTo(415);
        assertThat(bob.outbox("design").resolve("journal.mv.db")).doesNotExist();

        DaemonProcess.Run notMine = bob.command("publish", source.toString(), "--group", "finance");
        assertThat(notMine.exit()).isEqualTo(4);
        assertThat(notMine.err()).contains("'finance' is not one of your groups");
        DaemonProcess.Run wrongPassword = bob.commandWithInput("wrong password\n", "enrol", "--user", "bob");
        assertThat(wrongPassword.exit()).isEqualTo(4);
        assertThat(wrongPassword.err()).contains("wrong user or password");
        assertThat(bob.command("logs", "-n", "50").out()).contains("delivered");

        // Issue 17, item 4: a file that cannot be published says so in the status, with its reason.
        Files.writeString(alice.outbox("design").resolve("NUL .txt"), "a reserved device name");
        await("the refusal shows")
                .atMost(Duration.ofSeconds(30))
                .until(() -> alice.command("status").out().contains("refused:   design/NUL .txt:"));
        assertThat(alice.command("status").out())
                .containsOnlyOnce("refused:")
                .contains("the name is reserved on Windows");
        assertThat(alice.command("logs", "-n", "200").out()).containsOnlyOnce("'NUL .txt' was not published");
        await("the refusal reaches the device's record, for the console")
                .atMost(Duration.ofSeconds(30))
                .until(() -> cluster.admin("GET", "/admin/users/alice/devices", null, 200)
                        .toString()
                        .contains("refused: design/NUL .txt: unsafe file name"));
        assertThat(bob.command("no-such-command").exit()).isEqualTo(2);

        bob.stop();
        DaemonProcess.Run down = bob.command("status");
        assertThat(down.exit()).isEqualTo(3);
        assertThat(down.err()).contains("the daemon is not running");
    }

    @Test
    void aDaemonWithoutANativeLibraryStopsAtOnceAndSaysWhichFileIsMissing() throws Exception {
        var properties = new java.util.HashMap<String, String>();
        properties.put("quarkus.http.port", Integer.toString(io.swarmdrop.testing.FreePorts.next()));
        properties.put(
                "swarmdrop.daemon.root", folder.resolve("daemon-without-native").toString());
        properties.put("swarmdrop.daemon.supernodes", cluster.url());
        properties.put("swarmdrop.daemon.upnp.enabled", "false");
        properties.put(
                "libtorrent4j.jni.path",
                folder.resolve("no-such-native/libtorrent4j.so").toString());
        var daemon = cluster.start("without-native", DaemonProcess.JAR, properties);

        await("the daemon gives up").atMost(Duration.ofMinutes(1)).until(() -> !daemon.isAlive());
        assertThat(daemon.exitCode()).as("EX_CONFIG, not a crash (139)").isEqualTo(78);
        assertThat(Files.readString(daemon.log()))
                .contains("the daemon cannot run: the libtorrent4j native library named by -Dlibtorrent4j.jni.path"
                        + " does not exist: " + folder.resolve("no-such-native/libtorrent4j.so"));
    }

    @Test
    void aDaemonWithABadConfigFileStopsAndSaysWhichKeyIsWrong() throws Exception {
        Path config = Files.writeString(
                folder.resolve("daemon.properties"), "supernodes = ftp://nowhere\nlisten-port = 80\n");
        var properties = new java.util.HashMap<String, String>();
        properties.put("quarkus.http.port", Integer.toString(io.swarmdrop.testing.FreePorts.next()));
        properties.put(
                "swarmdrop.daemon.root", folder.resolve("daemon-misconfigured").toString());
        properties.put("swarmdrop.daemon.config-file", config.toString());
        var daemon = cluster.start("misconfigured", DaemonProcess.JAR, properties);

        await("the daemon gives up").atMost(Duration.ofMinutes(1)).until(() -> !daemon.isAlive());
        assertThat(daemon.exitCode())
                .as("EX_CONFIG: a service manager does not restart it")
                .isEqualTo(78);
        assertThat(Files.readString(daemon.log()))
                .contains("the daemon's config file has 2 problems")
                .contains(config + " line 1, key 'supernodes': 'ftp://nowhere' is not an http:// or https:// URL")
                .contains(config + " line 2, key 'listen-port': 80 is not a port from 1024 to 65535");
    }
}
