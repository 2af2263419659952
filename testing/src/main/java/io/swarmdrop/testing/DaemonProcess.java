package io.swarmdrop.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One workstation daemon process; it keeps its folders and ports across restarts. */
public final class DaemonProcess {

    private static final Path COMMAND = Path.of(System.getProperty("swarmdrop.root", ".."))
            .resolve("cli/swarmdrop")
            .toAbsolutePath();
    public static final Path JAR =
            Path.of(System.getProperty("swarmdrop.root", "..")).resolve("daemon/target/quarkus-app/quarkus-run.jar");

    private final TestCluster cluster;
    private final String user;
    private final String password;
    public final Path root;
    private final int httpPort = FreePorts.next();
    public final int torrentPort = FreePorts.next();
    private final Map<String, String> extra = new HashMap<>();
    private Network.Host host;
    private AppProcess process;
    private int starts;

    public DaemonProcess(TestCluster cluster, String user, String password, Path root) {
        this.cluster = cluster;
        this.user = user;
        this.password = password;
        this.root = root;
    }

    /** The user whose device this daemon is. */
    public String user() {
        return user;
    }

    public DaemonProcess with(String key, String value) {
        extra.put(key, value);
        return this;
    }

    /**
     * Runs the daemon on {@code host}, a network namespace. Its local API then listens on the host's
     * address, so that this test process can reach it; its BitTorrent port on every interface.
     */
    public DaemonProcess on(Network.Host host) {
        this.host = host;
        return this;
    }

    public Network.Host host() {
        return host;
    }

    /** Starts the process and waits until its push channel to the supernode is open. */
    public DaemonProcess start() throws IOException {
        launch();
        await(user + "'s daemon connected")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> status().get("connected").asBoolean()
                        && status().get("groups").size() > 0);
        return this;
    }

    /** Starts the process and waits only for its local API: for daemons without any supernode. */
    public DaemonProcess startAlone() throws IOException {
        launch();
        await(user + "'s daemon answering locally")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> status().has("lan"));
        return this;
    }

    /** Starts the process without waiting for anything: for daemons expected to stop on their own. */
    public DaemonProcess startNoWait() throws IOException {
        launch();
        return this;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitCode() {
        return process.exitCode();
    }

    private void launch() throws IOException {
        var properties = new HashMap<String, String>();
        properties.put("quarkus.http.port", Integer.toString(httpPort));
        properties.put("swarmdrop.daemon.root", root.toString());
        properties.put("swarmdrop.daemon.supernodes", cluster.url());
        properties.put("swarmdrop.daemon.trust-ca", TestCluster.caCertificate().toString());
        properties.put("swarmdrop.daemon.user", user);
        properties.put("swarmdrop.daemon.password", password);
        properties.put("swarmdrop.daemon.torrent.host", host == null ? "127.0.0.1" : "0.0.0.0");
        if (host != null) {
            properties.put("quarkus.http.host", host.address);
        }
        properties.put("swarmdrop.daemon.torrent.port", Integer.toString(torrentPort));
        properties.put("swarmdrop.daemon.outbox.stable-for", "500ms");
        properties.put("swarmdrop.daemon.maintain-every", "1s");
        properties.put("swarmdrop.daemon.resume-data-every", "1s");
        properties.put("swarmdrop.daemon.retire-every", "2s");
        // No test but UpnpIT has a router; the others need not start jupnp in every daemon.
        properties.put("swarmdrop.daemon.upnp.enabled", "false");
        properties.putAll(extra);
        process = cluster.start(user + "-" + (++starts), JAR, properties, host);
    }

    public JsonNode status() throws IOException, InterruptedException {
        String address = host == null ? "127.0.0.1" : host.address;
        var response = TestCluster.get("http://" + address + ":" + httpPort + "/local/status", localToken());
        return TestCluster.JSON.readTree(response.body());
    }

    /** The daemon's local API URL for {@code path} (such as {@code local/status}). */
    public String localUrl(String path) {
        String address = host == null ? "127.0.0.1" : host.address;
        return "http://" + address + ":" + httpPort + "/" + path;
    }

    /** The token of the daemon's local API, from the file it writes on every start. */
    public String localToken() throws IOException {
        var properties = new java.util.Properties();
        try (var in = Files.newInputStream(root.resolve(".swarmdrop/local-api"))) {
            properties.load(in);
        }
        return properties.getProperty("token");
    }

    /** The journal's record of a received publication, by file name, or null. */
    public JsonNode delivery(String name) throws IOException, InterruptedException {
        return TestCluster.byField(status().get("deliveries"), "name", name);
    }

    /** The daemon's libtorrent transfer of a file, by name, or null. */
    public JsonNode transfer(String name) throws IOException, InterruptedException {
        return TestCluster.byField(status().get("transfers"), "name", name);
    }

    /** The group's outbox: under the root unless the test set it elsewhere. */
    public Path outbox(String group) {
        String elsewhere = extra.get("swarmdrop.folders.outbox." + group);
        return elsewhere != null ? Path.of(elsewhere) : root.resolve("outbox").resolve(group);
    }

    public Path inbox(String group) {
        String elsewhere = extra.get("swarmdrop.folders.inbox." + group);
        return elsewhere != null ? Path.of(elsewhere) : root.resolve("inbox").resolve(group);
    }

    /** Drops a file into the outbox the way a copy tool does: written under a temporary name, then renamed. */
    public Path drop(String group, Path source) throws IOException {
        Path target = outbox(group).resolve(source.getFileName().toString());
        Path partial = outbox(group).resolve(source.getFileName() + ".part");
        Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
        return Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** What a run of the {@code swarmdrop} command printed and how it ended. */
    public record Run(int exit, String out, String err) {}

    /** Runs the real {@code swarmdrop} command against this daemon's root folder. */
    public Run command(String... args) throws Exception {
        return commandWithInput(null, args);
    }

    /** Runs the {@code swarmdrop} command with {@code stdin} as its input (a password, say). */
    public Run commandWithInput(String stdin, String... args) throws Exception {
        var command = new ArrayList<>(List.of(COMMAND.toString(), "--root", root.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        if (stdin != null) {
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> {
            try {
                process.getErrorStream().transferTo(err);
            } catch (IOException e) {
                // The process ended.
            }
        });
        drain.start();
        process.getInputStream().transferTo(out);
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("swarmdrop " + String.join(" ", args) + " did not finish");
        }
        drain.join();
        return new Run(process.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return process.log();
    }

    public void kill() throws InterruptedException {
        process.kill();
    }

    public void stop() throws InterruptedException {
        process.stop();
    }
}
