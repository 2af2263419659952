package io.swarmdrop.bench;

import io.swarmdrop.testing.TestCluster;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;

/**
 * Issue 14, item 6: how long a good login takes while a flood of bad ones runs. One supernode with
 * the default 600,000 PBKDF2 iterations; the flood comes from many loopback addresses (127.1.x.y,
 * which Linux routes to this host), 30 attempts each, the most one address gets checked before the
 * throttle refuses it unchecked, each for a user name of its own, so that every attempt costs a
 * password hash: the worst a botnet can do against the per-account and per-address throttle. The
 * good logins come from 127.0.0.1, one at a time, before and during the flood.
 */
final class LoginFlood implements AutoCloseable {

    static final int ITERATIONS = 600_000;

    record Result(
            Stats idleMillis,
            Stats floodMillis,
            Stats newAddressMillis,
            long attempts,
            long checked,
            long refusedUnchecked,
            long failed,
            int addresses,
            int seconds,
            int concurrency) {}

    private final TestCluster cluster;
    private final int port;
    private final HttpClient http =
            HttpClient.newBuilder().sslContext(TestCluster.tls()).build();

    LoginFlood(Path folder) throws IOException {
        cluster = new TestCluster(folder)
                .startSupernode("swarmdrop.supernode.password-iterations", Integer.toString(ITERATIONS));
        port = URI.create(cluster.url()).getPort();
    }

    Result run(int seconds, int concurrency, int samples) throws Exception {
        cluster.createUser("alice", "alice-password");
        for (int i = 0; i < 3; i++) {
            goodLogin(); // warm up the JIT and the TLS session cache
        }
        var idle = new Stats();
        for (int i = 0; i < samples; i++) {
            idle.add(goodLogin());
        }
        System.out.printf(
                "login flood: good login idle p50 %.0f ms, p95 %.0f ms%n", idle.percentile(50), idle.percentile(95));

        var addresses = new AtomicInteger();
        var attempts = new AtomicLong();
        var checked = new AtomicLong();
        var refused = new AtomicLong();
        var failed = new AtomicLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        var workers = new ArrayList<Thread>();
        for (int w = 0; w < concurrency; w++) {
            var worker = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    int address = addresses.getAndIncrement();
                    for (int attempt = 0; attempt < 30 && System.nanoTime() < deadline; attempt++) {
                        int status = badLogin(address, attempt);
                        attempts.incrementAndGet();
                        if (status == 401) {
                            checked.incrementAndGet();
                        } else if (status == 429) {
                            refused.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        Thread.sleep(2_000); // let the flood fill the hashing queue
        var flood = new Stats();
        var newAddress = new Stats();
        for (int i = 0; i < samples && System.nanoTime() < deadline; i++) {
            flood.add(goodLogin());
            if (i % 4 == 0) {
                // The first good login from an address: it queues with the flood.
                var from = InetAddress.getByAddress(new byte[] {127, 2, 0, (byte) (1 + i)});
                long start = System.nanoTime();
                int status = login(from, "alice", "alice-password");
                if (status != 200) {
                    throw new IllegalStateException("a good login from a new address answered " + status);
                }
                newAddress.add((System.nanoTime() - start) / 1e6);
            }
        }
        for (Thread worker : workers) {
            worker.join(Duration.ofSeconds(seconds + 120).toMillis());
        }
        var result = new Result(
                idle,
                flood,
                newAddress,
                attempts.get(),
                checked.get(),
                refused.get(),
                failed.get(),
                addresses.get(),
                seconds,
                concurrency);
        System.out.printf(
                "login flood: %d bad attempts in %d s from %d addresses (%d checked, %d refused unchecked, %d failed);"
                        + " good login p50 %.0f ms, p95 %.0f ms (%d samples)%n",
                result.attempts(),
                seconds,
                result.addresses(),
                result.checked(),
                result.refusedUnchecked(),
                result.failed(),
                flood.isEmpty() ? Double.NaN : flood.percentile(50),
                flood.isEmpty() ? Double.NaN : flood.percentile(95),
                flood.count());
        return result;
    }

    /** Milliseconds of one good login (a new device each time); fails the benchmark if refused. */
    private double goodLogin() throws IOException, InterruptedException {
        byte[] body = TestCluster.JSON.writeValueAsBytes(
                Map.of("user", "alice", "password", "alice-password", "hostname", "bench"));
        var request = HttpRequest.newBuilder(URI.create(cluster.url() + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(Duration.ofMinutes(2))
                .build();
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        double millis = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("a good login answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return millis;
    }

    /**
     * One bad login from loopback address {@code 127.1.x.y} number {@code address}, on a new TLS
     * connection (the JDK's HTTP client cannot choose its source address on Java 17); the status.
     */
    private int badLogin(int address, int attempt) {
        try {
            return login(source(address), "flood" + address + "x" + attempt, "guess");
        } catch (IOException e) {
            return -1;
        }
    }

    /** One login from {@code from} on a new TLS connection; the status, or -1 when the call failed. */
    private int login(InetAddress from, String user, String password) {
        String body = "{\"user\":\"" + user + "\",\"password\":\"" + password + "\",\"hostname\":\"x\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (var socket = (SSLSocket) TestCluster.tls().getSocketFactory().createSocket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/login HTTP/1.1\r\nHost: 127.0.0.1:" + port
                            + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                            + bytes.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            String status = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return status == null ? -1 : Integer.parseInt(status.split(" ")[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static InetAddress source(int address) throws IOException {
        int n = 1 + address % 65_000;
        return InetAddress.getByAddress(new byte[] {127, 1, (byte) (n >> 8), (byte) n});
    }

    /** The section for the report. */
    static String markdown(Result result, String command) {
        double idle = result.idleMillis().percentile(50);
        double flood = result.floodMillis().isEmpty()
                ? Double.NaN
                : result.floodMillis().percentile(50);
        var text = new StringBuilder();
        text.append("# Login during a flood of bad logins\n\n");
        text.append("Measured by `")
                .append(command)
                .append("` on ")
                .append(Machine.describe())
                .append(".\n\n");
        text.append(String.format(
                "One supernode (PBKDF2 %,d iterations; at once it checks the passwords of cores - 1 logins from"
                        + " addresses without a recent good login, and of one more from those with one). %d threads send"
                        + " bad logins for %d s, each from one of %,d loopback addresses (127.1.x.y), 30 per"
                        + " address, each for a user name of its own, on a new TLS connection each; good logins"
                        + " for one account come from 127.0.0.1, one at a time.%n%n",
                ITERATIONS, result.concurrency(), result.seconds(), result.addresses()));
        text.append("| figure | measured |\n|---|---|\n");
        text.append(String.format(
                "| good login, idle: p50 / p95 | %.0f ms / %.0f ms |%n",
                idle, result.idleMillis().percentile(95)));
        text.append(String.format(
                "| good login during the flood, from an address with an earlier good login: p50 / p95"
                        + " (%d samples) | %.0f ms / %.0f ms |%n",
                result.floodMillis().count(),
                flood,
                result.floodMillis().isEmpty()
                        ? Double.NaN
                        : result.floodMillis().percentile(95)));
        text.append(String.format(
                "| bad attempts: checked (401) / refused unchecked (429) / failed | %,d / %,d / %,d |%n",
                result.checked(), result.refusedUnchecked(), result.failed()));
        text.append(String.format(
                "| good login during the flood, the first from its address: p50 / max (%d samples) | %s |%n",
                result.newAddressMillis().count(),
                result.newAddressMillis().isEmpty()
                        ? "-"
                        : String.format(
                                "%.0f ms / %.0f ms",
                                result.newAddressMillis().percentile(50),
                                result.newAddressMillis().max())));
        text.append(String.format(
                "| target: good login during the flood under 2x idle (p50) | %.1fx, %s |%n",
                flood / idle, flood / idle < 2 ? "met" : "missed"));
        return text.toString();
    }

    @Override
    public void close() throws InterruptedException {
        cluster.close();
    }
}
