package io.swarmdrop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.swarmdrop.core.torrent.Metainfo;
import io.swarmdrop.engine.TorrentCreator;
import io.swarmdrop.testing.RandomFiles;
import io.swarmdrop.testing.TestCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Scenario 5: one supernode and many simulated devices. The load generator speaks the daemon API
 * (login, the push channel of server-sent events, publishing) and the tracker protocol, so thousands
 * of devices cost a socket each instead of a daemon process each.
 */
final class ControlPlane implements AutoCloseable {

    /** What one run measured. */
    record Result(
            int devices,
            double setupSeconds,
            double publishSeconds,
            double lastNoticeSeconds,
            double medianNoticeSeconds,
            int noticed,
            double announcesPerSecond,
            Stats announceMillis,
            long announceFailures,
            double supernodeRssMiB) {}

    /** How many requests the generator keeps in flight while enrolling devices. */
    private static final int SETUP_CONCURRENCY = 32;

    private final TestCluster cluster;
    private final Path folder;
    private final String adminToken;
    private final HttpClient http = HttpClient.newBuilder()
            .sslContext(TestCluster.tls())
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30))
            .build();
    private final List<Device> devices = new ArrayList<>();

    /** A simulated device: its enrolment and what its push channel received. */
    private static final class Device {
        final String user;
        String token;
        String passkey;
        final CountDownLatch connected = new CountDownLatch(1);
        volatile long noticedAt;
        volatile Flow.Subscription channel;

        Device(String user) {
            this.user = user;
        }
    }

    ControlPlane(Path folder) throws Exception {
        this.folder = folder;
        this.cluster = new TestCluster(folder).startSupernode();
        this.adminToken = java.nio.file.Files.readString(folder.resolve("supernode/admin-token"))
                .trim();
    }

    Result run(int deviceCount, int announceSeconds, int announceConcurrency) throws Exception {
        long setupStart = System.nanoTime();
        cluster.createUser("publisher", password("publisher"));
        cluster.admin("POST", "/admin/groups", Map.of("name", "everyone"), 201);
        cluster.admin("PUT", "/admin/groups/everyone/members/publisher", null, 204);
        for (int i = 1; i <= deviceCount; i++) {
            devices.add(new Device("d" + i));
        }
        inParallel(
                deviceCount,
                i -> admin(
                        "POST",
                        "/admin/users",
                        Map.of("name", devices.get(i).user, "password", password(devices.get(i).user)),
                        201));
        inParallel(deviceCount, i -> admin("PUT", "/admin/groups/everyone/members/" + devices.get(i).user, null, 204));
        inParallel(deviceCount, i -> login(devices.get(i)));
        System.out.printf("control plane: %d devices enrolled%n", deviceCount);
        for (Device device : devices) {
            openChannel(device);
        }
        for (Device device : devices) {
            if (!device.connected.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("device " + device.user + " got no hello on its push channel");
            }
        }
        double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
        System.out.printf("control plane: %d push channels open after %.1f s%n", deviceCount, setupSeconds);

        Device publisher = new Device("publisher");
        login(publisher).join();
        Path file = RandomFiles.write(folder.resolve("notice.bin"), 1 << 20, 77);
        Metainfo metainfo =
                TorrentCreator.create(file, cluster.peerRoot(publisher.token, "everyone"), (done, all) -> {});
        long publishStart = System.nanoTime();
        cluster.client(publisher.token).publish("everyone", metainfo.bytes(), "application/octet-stream");
        double publishSeconds = (System.nanoTime() - publishStart) / 1e9;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (devices.stream().anyMatch(d -> d.noticedAt == 0) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        var notices = new Stats();
        int noticed = 0;
        for (Device device : devices) {
            if (device.noticedAt != 0) {
                noticed++;
                notices.add((device.noticedAt - publishStart) / 1e9);
            }
        }
        double last = noticed == 0 ? Double.NaN : notices.max();
        System.out.printf(
                "control plane: publish call %.2f s; %d of %d devices noticed, the last after %.2f s (median %.2f s)%n",
                publishSeconds, noticed, deviceCount, last, noticed == 0 ? Double.NaN : notices.median());

        var announces = announce(metainfo, announceSeconds, announceConcurrency);
        double rss = Machine.residentMiB(cluster.supernode().pid());
        return new Result(
                deviceCount,
                setupSeconds,
                publishSeconds,
                last,
                noticed == 0 ? Double.NaN : notices.median(),
                noticed,
                announces.perSecond,
                announces.millis,
                announces.failures,
                rss);
    }

    private record Announces(double perSecond, Stats millis, long failures) {}

    /**
     * Every device announces for the publication, in random order, with {@code concurrency}
     * announces in flight, for {@code seconds}; a warm-up of one announce per device first (each
     * "started"), so the swarm holds every device while it is measured.
     */
    private Announces announce(Metainfo metainfo, int seconds, int concurrency) throws Exception {
        byte[] infohash = HexFormat.of().parseHex(metainfo.infohashV1());
        String encodedHash = percentEncode(infohash);
        var failures = new AtomicLong();
        var latencies = new ConcurrentLinkedQueue<Double>();
        inParallel(devices.size(), i -> announceOnce(devices.get(i), i, encodedHash, metainfo.size(), "started")
                .thenAccept(r -> countFailure(r, failures)));
        failures.set(0);
        var inFlight = new Semaphore(concurrency);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long sent = 0;
        while (System.nanoTime() < end) {
            inFlight.acquire();
            int i = ThreadLocalRandom.current().nextInt(devices.size());
            long sentAt = System.nanoTime();
            sent++;
            announceOnce(devices.get(i), i, encodedHash, metainfo.size(), null).whenComplete((r, e) -> {
                latencies.add((System.nanoTime() - sentAt) / 1e6);
                if (e != null) {
                    failures.incrementAndGet();
                } else {
                    countFailure(r, failures);
                }
                inFlight.release();
            });
        }
        inFlight.acquire(concurrency);
        double elapsed = (System.nanoTime() - start) / 1e9;
        var millis = new Stats();
        latencies.forEach(millis::add);
        var result = new Announces(sent / elapsed, millis, failures.get());
        System.out.printf(
                "control plane: %.0f announces/s with %d in flight; p50 %.1f ms, p99 %.1f ms; %d failed%n",
                result.perSecond, concurrency, millis.percentile(50), millis.percentile(99), result.failures);
        return result;
    }

    private static void countFailure(HttpResponse<byte[]> response, AtomicLong failures) {
        if (response.statusCode() != 200
                || new String(response.body(), StandardCharsets.ISO_8859_1).contains("failure reason")) {
            failures.incrementAndGet();
        }
    }

    /** An announce as a fetching device sends it: compact peers, the bytes it still lacks. */
    private CompletableFuture<HttpResponse<byte[]>> announceOnce(
            Device device, int index, String encodedHash, long left, String event) {
        byte[] peerId = String.format("-SD0000-%012d", index).getBytes(StandardCharsets.US_ASCII);
        String query = "pk=" + device.passkey + "&info_hash=" + encodedHash + "&peer_id=" + percentEncode(peerId)
                + "&port=" + (10000 + index % 50000) + "&uploaded=0&downloaded=0&left=" + left + "&compact=1"
                + (event == null ? "" : "&event=" + event);
        return http.sendAsync(
                HttpRequest.newBuilder(URI.create(cluster.url() + "/announce?" + query))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String percentEncode(byte[] bytes) {
        var out = new StringBuilder();
        for (byte b : bytes) {
            out.append('%').append(String.format("%02X", b & 0xff));
        }
        return out.toString();
    }

    /**
     * Opens a device's push channel; its lines are read as they arrive, without a thread per device.
     * This and the log-ins stay raw asynchronous HTTP: the API's client blocks a thread per call,
     * and the benchmark holds thousands of channels open at once.
     */
    private void openChannel(Device device) {
        var request = HttpRequest.newBuilder(URI.create(cluster.url() + "/api/events"))
                .header("Authorization", "Bearer " + device.token)
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                device.channel = subscription;
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String line) {
                if (line.equals("event: hello") || line.equals("event:hello")) {
                    device.connected.countDown();
                } else if ((line.equals("event: publication") || line.equals("event:publication"))
                        && device.noticedAt == 0) {
                    device.noticedAt = System.nanoTime();
                }
            }

            @Override
            public void onError(Throwable throwable) {}

            @Override
            public void onComplete() {}
        }));
    }

    /** Every simulated user's password, the publisher's included. */
    private static String password(String user) {
        return "long-password-" + user;
    }

    private CompletableFuture<Void> login(Device device) {
        byte[] body = json(Map.of("user", device.user, "password", password(device.user), "hostname", "sim"));
        return http.sendAsync(
                        HttpRequest.newBuilder(URI.create(cluster.url() + "/api/login"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray())
                .thenAccept(response -> {
                    JsonNode enrolment = parse(expect(response, 200, "login of " + device.user));
                    device.token = enrolment.get("token").asText();
                    device.passkey = enrolment.get("passkey").asText();
                });
    }

    private CompletableFuture<Void> admin(String method, String path, Object body, int status) {
        var builder = HttpRequest.newBuilder(URI.create(cluster.url() + path))
                .header("Authorization", "Bearer " + adminToken);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(json(body)));
        }
        return http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenAccept(response -> expect(response, status, method + " " + path));
    }

    private static byte[] expect(HttpResponse<byte[]> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    private static byte[] json(Object value) {
        try {
            return TestCluster.JSON.writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return TestCluster.JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code count} requests with {@link #SETUP_CONCURRENCY} in flight; the first failure stops it. */
    private static void inParallel(int count, IntFunction<CompletableFuture<?>> request) throws Exception {
        var inFlight = new Semaphore(SETUP_CONCURRENCY);
        var failures = new ConcurrentLinkedQueue<Throwable>();
        for (int i = 0; i < count && failures.isEmpty(); i++) {
            inFlight.acquire();
            request.apply(i).whenComplete((ignored, e) -> {
                if (e != null) {
                    failures.add(e);
                }
                inFlight.release();
            });
        }
        inFlight.acquire(SETUP_CONCURRENCY);
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.peek().getMessage(), failures.peek());
        }
    }

    @Override
    public void close() throws Exception {
        for (Device device : devices) {
            if (device.channel != null) {
                device.channel.cancel();
            }
        }
        cluster.close();
    }
}
