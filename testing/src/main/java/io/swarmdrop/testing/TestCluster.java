package io.swarmdrop.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swarmdrop.core.api.PeerCertificate;
import io.swarmdrop.core.api.client.SupernodeClient;
import io.swarmdrop.core.api.client.SupernodeTrust;
import io.swarmdrop.core.cluster.ClusterCredentials;
import io.swarmdrop.core.net.Hosts;
import io.swarmdrop.core.security.ClusterCa;
import io.swarmdrop.core.security.PeerRoots;
import io.swarmdrop.core.security.Tls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Supernodes and daemons as separate OS processes, each from its packaged {@code quarkus-run.jar},
 * with its own ports and folders under one test folder. The first supernode started is the one the
 * admin calls and daemons use unless told otherwise; several supernodes share a ZooKeeper ensemble
 * given by the test.
 */
public final class TestCluster implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PROJECT = Path.of(System.getProperty("swarmdrop.root", ".."));
    /**
     * The cluster CA of every cluster this JVM starts: their supernodes and consoles serve HTTPS
     * with certificates it issues, their daemons and this class's client trust it and nothing else.
     */
    private static final Path CA_CERT = Path.of("target/test-ca/ca.crt").toAbsolutePath();

    private static final Path CA_KEY = Path.of("target/test-ca/ca.key").toAbsolutePath();
    private static final javax.net.ssl.SSLContext TLS =
            Tls.trusting(List.of(ClusterCa.loadOrCreate(CA_CERT, CA_KEY).certificate()));
    /** One trust for every API client of the test clusters: it builds its TLS context once. */
    private static final SupernodeTrust TRUST = new SupernodeTrust(Optional.of(CA_CERT), Optional.empty());

    private static final HttpClient HTTP =
            HttpClient.newBuilder().sslContext(TLS).build();
    private static final Path SUPERNODE_JAR = PROJECT.resolve("supernode/target/quarkus-app/quarkus-run.jar");

    public final Path folder;
    private final int httpPort = FreePorts.next();
    /** The first supernode's URL in a multi-supernode cluster. */
    private String firstSupernodeUrl;

    private final int zkPort = FreePorts.next();
    private final int torrentPort = FreePorts.next();
    private final List<AppProcess> processes = new ArrayList<>();
    private AppProcess supernode;
    private String adminToken;
    /** Swarmdrop's ZooKeeper identity: the single supernode generates it, a cluster's supernodes share this one. */
    private Path zookeeperCredentials;

    private AppProcess console;
    private Map<String, String> consoleProperties;
    private String consoleUrl;
    private int consoleStarts;

    private final List<Supernode> supernodes = new ArrayList<>();

    /** One supernode of several, started by {@link #startClusterSupernode}. */
    public final class Supernode {
        public final String node;
        public final String zone;
        /** The network namespace it runs in, or null for this host's loopback. */
        public final Network.Host host;

        private final int httpPort = FreePorts.next();

        public final int torrentPort = FreePorts.next();
        public Map<String, String> properties;
        public AppProcess process;
        private int starts = 1;

        Supernode(String node, String zone, Network.Host host) {
            this.node = node;
            this.zone = zone;
            this.host = host;
        }

        /** Where it listens: its host's address, or loopback. */
        public String address() {
            return host == null ? "127.0.0.1" : host.address;
        }

        public String url() {
            return "https://" + Hosts.forUrl(address()) + ":" + httpPort;
        }

        public JsonNode admin(String method, String path) {
            return call(url(), method, path, null, 200);
        }

        public void kill() throws InterruptedException {
            process.kill();
        }

        /** Starts the process again with the same ports, folders and settings. */
        public void restart() throws IOException {
            process = start(node + "-" + (++starts), SUPERNODE_JAR, properties, host);
            awaitReady();
        }

        public Path store() {
            return folder.resolve(node).resolve("store");
        }

        private void awaitReady() {
            await(node + " ready")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> get(url() + "/q/health/ready", null).statusCode() == 200);
        }
    }

    public TestCluster(Path folder) {
        this.folder = folder;
    }

    public String url() {
        return firstSupernodeUrl != null ? firstSupernodeUrl : "https://127.0.0.1:" + httpPort;
    }

    /** The cluster CA certificate (PEM) that daemons and clients of the test clusters trust. */
    public static Path caCertificate() {
        return CA_CERT;
    }

    /** A TLS context that trusts the test clusters' CA and nothing else, for a test's own HTTP clients. */
    public static javax.net.ssl.SSLContext tls() {
        return TLS;
    }

    /** The cluster CA itself, to issue certificates a test needs (another supernode's, say). */
    public static ClusterCa ca() {
        return ClusterCa.load(CA_CERT, CA_KEY);
    }

    /** The CA settings of a supernode ({@code prefix} swarmdrop.supernode) or console. */
    private static void useTestCa(Map<String, String> properties, String prefix) {
        properties.put(prefix + ".tls.ca-cert", CA_CERT.toString());
        properties.put(prefix + ".tls.ca-key", CA_KEY.toString());
    }

    /** Starts the supernode; {@code settings} are extra key, value pairs of its configuration. */
    public TestCluster startSupernode(String... settings) throws IOException {
        var properties = new HashMap<String, String>();
        properties.put("quarkus.http.port", Integer.toString(httpPort));
        properties.put(
                "swarmdrop.supernode.data-dir", folder.resolve("supernode").toString());
        properties.put("swarmdrop.supernode.zookeeper.embedded-port", Integer.toString(zkPort));
        properties.put("swarmdrop.supernode.torrent.host", "127.0.0.1");
        properties.put("swarmdrop.supernode.torrent.port", Integer.toString(torrentPort));
        properties.put("swarmdrop.supernode.password-iterations", "1000");
        properties.put("swarmdrop.supernode.tracker-interval", "5");
        useTestCa(properties, "swarmdrop.supernode");
        for (int i = 0; i + 1 < settings.length; i += 2) {
            properties.put(settings[i], settings[i + 1]);
        }
        zookeeperCredentials = folder.resolve("supernode/zookeeper-credentials");
        supernode = start("supernode", SUPERNODE_JAR, properties);
        await("supernode ready")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> get(url() + "/q/health/ready", null).statusCode() == 200);
        adminToken = Files.readString(folder.resolve("supernode/admin-token")).trim();
        return this;
    }

    public AppProcess supernode() {
        return supernode;
    }

    /** The BitTorrent port of the supernode started by {@link #startSupernode(String...)}. */
    public int torrentPort() {
        return torrentPort;
    }

    /** The embedded ZooKeeper of the single supernode started by {@link #startSupernode(String...)}. */
    public String zookeeperConnect() {
        return "127.0.0.1:" + zkPort;
    }

    /** Starts the admin console on the cluster's ZooKeeper; returns its URL once it is ready. */
    public String startConsole(String firstAdminPassword) throws IOException {
        int port = FreePorts.next();
        var properties = new HashMap<String, String>();
        properties.put("quarkus.http.port", Integer.toString(port));
        properties.put("swarmdrop.console.data-dir", folder.resolve("console").toString());
        properties.put("swarmdrop.console.zookeeper.connect", zookeeperConnect());
        properties.put("swarmdrop.console.zookeeper.credentials-file", zookeeperCredentials.toString());
        properties.put("swarmdrop.console.password-iterations", "1000");
        properties.put("swarmdrop.console.first-admin.password", firstAdminPassword);
        useTestCa(properties, "swarmdrop.console");
        consoleProperties = Map.copyOf(properties);
        consoleUrl = "https://127.0.0.1:" + port;
        return runConsole();
    }

    /** Stops the console (as its service would be stopped) and starts it again with the same settings. */
    public String restartConsole() throws IOException, InterruptedException {
        console.stop();
        return runConsole();
    }

    /** The console process last started. */
    public AppProcess console() {
        return console;
    }

    private String runConsole() throws IOException {
        console = start(
                "console-" + (++consoleStarts),
                PROJECT.resolve("admin-console/target/quarkus-app/quarkus-run.jar"),
                consoleProperties);
        await("console ready")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> get(consoleUrl + "/q/health/ready", null).statusCode() == 200);
        return consoleUrl;
    }

    /** The admin token every supernode of a multi-supernode cluster is configured with. */
    private static final String CLUSTER_ADMIN_TOKEN = "e2e-admin-token-0123456789";

    /**
     * Starts one supernode of a cluster on the ZooKeeper ensemble {@code zookeeper}, in {@code zone},
     * and waits until it is ready. The first one started answers {@link #admin} and {@link #url()}.
     */
    public Supernode startClusterSupernode(String node, String zone, String zookeeper, String... settings)
            throws IOException {
        return startClusterSupernode(node, zone, zookeeper, null, settings);
    }

    /**
     * Starts one supernode of a cluster on {@code host}, a network namespace: it binds the host's
     * address and advertises it as its public URL; its BitTorrent port listens on every interface
     * unless {@code settings} say otherwise, as on a server with the defaults.
     */
    public Supernode startClusterSupernode(
            String node, String zone, String zookeeper, Network.Host host, String... settings) throws IOException {
        var supernode = new Supernode(node, zone, host);
        var properties = new HashMap<String, String>();
        properties.put("quarkus.http.port", Integer.toString(supernode.httpPort));
        if (host != null) {
            properties.put("quarkus.http.host", host.address);
            properties.put("swarmdrop.supernode.public-url", supernode.url());
        }
        properties.put("swarmdrop.supernode.data-dir", folder.resolve(node).toString());
        properties.put("swarmdrop.supernode.node-id", node);
        properties.put("swarmdrop.supernode.zone", zone);
        properties.put("swarmdrop.supernode.zookeeper.connect", zookeeper);
        if (zookeeperCredentials == null) {
            zookeeperCredentials = folder.resolve("zookeeper-credentials");
            ClusterCredentials.readOrCreate(zookeeperCredentials);
        }
        properties.put("swarmdrop.supernode.zookeeper.credentials-file", zookeeperCredentials.toString());
        properties.put("swarmdrop.supernode.admin-token", CLUSTER_ADMIN_TOKEN);
        properties.put("swarmdrop.supernode.torrent.host", host == null ? "127.0.0.1" : "0.0.0.0");
        properties.put("swarmdrop.supernode.torrent.port", Integer.toString(supernode.torrentPort));
        properties.put("swarmdrop.supernode.password-iterations", "1000");
        properties.put("swarmdrop.supernode.tracker-interval", "5");
        properties.put("swarmdrop.supernode.placement-every", "1s");
        useTestCa(properties, "swarmdrop.supernode");
        for (int i = 0; i + 1 < settings.length; i += 2) {
            properties.put(settings[i], settings[i + 1]);
        }
        supernode.properties = Map.copyOf(properties);
        supernode.process = start(node, SUPERNODE_JAR, properties, host);
        supernode.awaitReady();
        if (supernodes.isEmpty()) {
            firstSupernodeUrl = supernode.url();
            adminToken = CLUSTER_ADMIN_TOKEN;
        }
        supernodes.add(supernode);
        return supernode;
    }

    public List<Supernode> supernodes() {
        return List.copyOf(supernodes);
    }

    public void createUser(String name, String password) {
        admin("POST", "/admin/users", Map.of("name", name, "password", password), 201);
    }

    public void createGroup(String name, String... members) {
        admin("POST", "/admin/groups", Map.of("name", name), 201);
        for (String member : members) {
            admin("PUT", "/admin/groups/" + name + "/members/" + member, null, 204);
        }
    }

    /** The supernode's libtorrent transfer of a file, by name, or null. */
    public JsonNode supernodeTransfer(String name) {
        return byField(admin("GET", "/admin/transfers", null, 200), "name", name);
    }

    /** The element of a JSON array whose {@code field} is {@code value}, or null. */
    public static JsonNode byField(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (element.get(field).asText().equals(value)) {
                return element;
            }
        }
        return null;
    }

    /** Replaces a group's policy through the admin API. */
    public void setPolicy(String group, String text) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(url() + "/admin/groups/" + group + "/policy"))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString(text))
                .build();
        HttpResponse<byte[]> response = send(request);
        if (response.statusCode() != 204) {
            throw new AssertionError(
                    "setting the policy answered " + response.statusCode() + ": " + new String(response.body()));
        }
    }

    /**
     * The daemon API's own client, trusting this cluster's CA, for a device holding {@code token}
     * (null before it logged in).
     */
    public SupernodeClient client(String token) {
        return new SupernodeClient(url(), () -> token, TRUST);
    }

    /**
     * A peer certificate of {@code group}'s current root (or of root {@code rootId}) for a device
     * holding {@code token}: the root PEM is what a new publication's torrent carries.
     */
    public PeerCertificate.Issued peerCertificate(String token, String group, PublicKey key, String rootId) {
        return client(token)
                .peerCertificate(group, new PeerCertificate.Request(PeerRoots.encodePublicKey(key), rootId));
    }

    /** The current peer root (PEM) of {@code group}, as a member's device of {@code token} gets it to publish. */
    public String peerRoot(String token, String group) {
        return peerCertificate(token, group, PeerRoots.newKeyPair().getPublic(), null)
                .rootCertificate();
    }

    /** Logs in through the daemon API, enrolling a new device named {@code hostname}, as raw HTTP for tests of refusals. */
    public HttpResponse<byte[]> login(String user, String password, String hostname)
            throws IOException, InterruptedException {
        byte[] body = JSON.writeValueAsBytes(Map.of("user", user, "password", password, "hostname", hostname));
        return send(HttpRequest.newBuilder(URI.create(url() + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    public JsonNode admin(String method, String path, Object body, int expectedStatus) {
        return call(url(), method, path, body, expectedStatus);
    }

    private JsonNode call(String base, String method, String path, Object body, int expectedStatus) {
        try {
            var builder =
                    HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + adminToken);
            if (body == null) {
                builder.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                builder.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            }
            HttpResponse<byte[]> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != expectedStatus) {
                throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": "
                        + new String(response.body()));
            }
            return response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public DaemonProcess daemon(String user, String password) {
        return new DaemonProcess(this, user, password, folder.resolve("daemon-" + user));
    }

    public AppProcess start(String name, Path jar, Map<String, String> properties) throws IOException {
        return start(name, jar, properties, null);
    }

    /** Starts an app on {@code host} (a network namespace), or on this host when it is null. */
    public AppProcess start(String name, Path jar, Map<String, String> properties, Network.Host host)
            throws IOException {
        var process =
                new AppProcess(name, jar, properties, folder.resolve("logs").resolve(name + ".log"), host).start();
        processes.add(process);
        return process;
    }

    public static HttpResponse<byte[]> get(String url, String bearer) throws IOException, InterruptedException {
        var builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public static HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() throws InterruptedException {
        for (AppProcess process : processes) {
            process.stop();
        }
    }
}
