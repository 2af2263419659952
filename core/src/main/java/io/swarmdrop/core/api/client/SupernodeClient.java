package io.swarmdrop.core.api.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.swarmdrop.core.api.ErrorBody;
import io.swarmdrop.core.api.LoginRequest;
import io.swarmdrop.core.api.Me;
import io.swarmdrop.core.api.PeerCertificate;
import io.swarmdrop.core.api.PublicationView;
import io.swarmdrop.core.api.Supernodes;
import io.swarmdrop.core.directory.Enrolment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The client side of the daemon API (see the api package), over the JDK's HTTP client: the one
 * client the daemon, the test fixtures, the benchmark and the end-to-end tests all use.
 */
public final class SupernodeClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final URI base;
    private final Supplier<String> token;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Calls the supernode at {@code baseUrl} only if its certificate is one {@code trust} accepts. */
    public SupernodeClient(String baseUrl, Supplier<String> token, SupernodeTrust trust) {
        this.base = withSlash(baseUrl);
        this.token = token;
        this.http = trust.client(baseUrl).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public String baseUrl() {
        return base.toString();
    }

    /**
     * The announce URL of the supernode whose API is at {@code baseUrl}. The passkey goes in the
     * announce's {@code Authorization} header, never in the URL (standard clients may still put it
     * in a {@code pk} parameter).
     */
    public static String trackerUrl(String baseUrl) {
        return withSlash(baseUrl).resolve("announce").toString();
    }

    /** The HTTP client of this supernode's API, which trusts the cluster's certificates (for announces too). */
    public HttpClient httpClient() {
        return http;
    }

    /** Whether two supernode URLs name the same API (they differ at most in a trailing slash). */
    public static boolean sameUrl(String a, String b) {
        return withSlash(a).equals(withSlash(b));
    }

    private static URI withSlash(String url) {
        return URI.create(url.endsWith("/") ? url : url + "/");
    }

    /**
     * The lowest of {@code tries} round trips to the supernode at {@code baseUrl}
     * ({@code GET /api/ping}), or empty when it does not answer.
     */
    public static Optional<Duration> roundTrip(String baseUrl, int tries, SupernodeTrust trust) {
        HttpClient ping =
                trust.client(baseUrl).connectTimeout(Duration.ofSeconds(2)).build();
        var request = HttpRequest.newBuilder(withSlash(baseUrl).resolve("api/ping"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        Duration best = null;
        for (int i = 0; i < tries; i++) {
            long start = System.nanoTime();
            try {
                HttpResponse<Void> response = ping.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() >= 300) {
                    return Optional.empty();
                }
            } catch (IOException e) {
                refuseUntrusted(withSlash(baseUrl), e);
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            best = best == null || took.compareTo(best) < 0 ? took : best;
        }
        return Optional.ofNullable(best);
    }

    public Supernodes supernodes() {
        return read(send(authorized("api/supernodes").GET().build()), new TypeReference<>() {});
    }

    public Enrolment login(String user, String password, String hostname) {
        byte[] body = write(new LoginRequest(user, password, hostname));
        var request = HttpRequest.newBuilder(base.resolve("api/login"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return read(send(request), new TypeReference<>() {});
    }

    public Me me() {
        return read(send(authorized("api/me").GET().build()), new TypeReference<>() {});
    }

    public PublicationView publish(String group, byte[] metainfo, String contentType) {
        var request = authorized("api/groups/" + group + "/publications")
                .header("Content-Type", "application/x-bittorrent")
                .header("X-Swarmdrop-Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(metainfo))
                .build();
        return read(send(request), new TypeReference<>() {});
    }

    /** A peer certificate of a root of {@code group} for this device's public key. */
    public PeerCertificate.Issued peerCertificate(String group, PeerCertificate.Request request) {
        var http = authorized("api/groups/" + group + "/peer-certificates")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(write(request)))
                .build();
        return read(send(http), new TypeReference<>() {});
    }

    public List<PublicationView> publications() {
        return read(send(authorized("api/publications").GET().build()), new TypeReference<>() {});
    }

    public List<PublicationView> pending() {
        return read(send(authorized("api/publications/pending").GET().build()), new TypeReference<>() {});
    }

    public PublicationView publication(String publicationId) {
        return read(send(authorized("api/publications/" + publicationId).GET().build()), new TypeReference<>() {});
    }

    public List<PublicationView> expired() {
        return read(send(authorized("api/publications/expired").GET().build()), new TypeReference<>() {});
    }

    public void dismissExpired(String publicationId) {
        send(authorized("api/publications/expired/" + publicationId).DELETE().build());
    }

    public byte[] torrent(String publicationId) {
        return send(authorized("api/publications/" + publicationId + "/torrent")
                .GET()
                .build());
    }

    public void progress(String publicationId, long done) {
        send(authorized("api/publications/" + publicationId + "/progress")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(write(java.util.Map.of("done", done))))
                .build());
    }

    /** Replaces what this device tells the console it cannot do on its own. */
    public void reportProblems(List<String> problems) {
        send(authorized("api/me/problems")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(write(problems)))
                .build());
    }

    public void acknowledge(String publicationId) {
        send(authorized("api/publications/" + publicationId + "/receipt")
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    /** Opens the push channel; the caller reads its lines until the stream ends. */
    public HttpResponse<java.util.stream.Stream<String>> openEvents() {
        var request = HttpRequest.newBuilder(base.resolve("api/events"))
                .header("Authorization", "Bearer " + token.get())
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new SupernodeException(
                        response.statusCode(), "push channel refused with HTTP " + response.statusCode());
            }
            return response;
        } catch (IOException e) {
            refuseUntrusted(base, e);
            throw new SupernodeException(0, "supernode unreachable at " + base + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SupernodeException(0, "interrupted");
        }
    }

    <T> T parse(String data, Class<T> type) {
        try {
            return json.readValue(data, type);
        } catch (IOException e) {
            throw new SupernodeException(0, "unreadable message from the supernode: " + e.getMessage());
        }
    }

    /**
     * A failed TLS handshake: the certificate is not one this daemon trusts (or no TLS at all
     * answered). Nothing was sent: the request goes only once the handshake succeeded.
     */
    private static void refuseUntrusted(URI base, IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof javax.net.ssl.SSLHandshakeException) {
                throw new UntrustedSupernodeException(
                        "the supernode at " + base + " presented a certificate this daemon does not trust ("
                                + cause.getMessage() + "); nothing was sent to it. Set trust-ca to the"
                                + " cluster CA file, or trust-ca-sha256 to its fingerprint (the console shows it)",
                        e);
            }
        }
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token.get());
    }

    private byte[] send(HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            refuseUntrusted(base, e);
            throw new SupernodeException(0, "supernode unreachable at " + base + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SupernodeException(0, "interrupted while calling the supernode");
        }
        if (response.statusCode() >= 400) {
            throw new SupernodeException(response.statusCode(), errorMessage(response));
        }
        return response.body();
    }

    private String errorMessage(HttpResponse<byte[]> response) {
        try {
            return json.readValue(response.body(), ErrorBody.class).error();
        } catch (IOException | RuntimeException e) {
            return "HTTP " + response.statusCode();
        }
    }

    private <T> T read(byte[] body, TypeReference<T> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new SupernodeException(0, "unreadable answer from the supernode: " + e.getMessage());
        }
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
