package io.swarmdrop.daemon.lan;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Hands the metainfo of a local group's file from its sender to a receiver over a small HTTP
 * server ({@code GET /lan/torrent/{ticket}}). The ticket is derived from the group key and the
 * publication id, and the body is sealed with the group key ({@link GroupKey}): whoever watches
 * the request or asks for it learns neither the file's hash nor its metainfo. Offers carry no
 * metainfo, which does not fit a datagram.
 *
 * <p>A slow or silent client holds one of a few threads for at most {@link #REQUEST_TIMEOUT}
 * (finding I9: with the server's own dispatcher thread, one client trickling its headers stalled
 * every other request).
 */
final class MetainfoExchange implements AutoCloseable {

    private static final String PATH = "/lan/torrent/";
    static final String PURPOSE = "metainfo";
    /** A metainfo file is a few hundred kilobytes at most (hashes of a 40 GiB file's pieces). */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int THREADS = 4;

    /** What the sender serves for a ticket: the group's key, which seals it, and the bytes. */
    record Served(String fileName, GroupKey key, byte[] metainfo) {}

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final HttpServer server;
    private final ExecutorService threads;

    private MetainfoExchange(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Serves on {@code port} (0 for any) what {@code served} finds for a ticket. */
    static MetainfoExchange serve(int port, Function<String, Optional<Served>> served) throws IOException {
        // The JDK server reads these once, when its first instance is made: a request must arrive
        // whole, and its answer leave, within the bounds.
        System.setProperty("sun.net.httpserver.maxReqTime", Long.toString(REQUEST_TIMEOUT.toSeconds()));
        System.setProperty(
                "sun.net.httpserver.maxRspTime",
                Long.toString(REQUEST_TIMEOUT.multipliedBy(3).toSeconds()));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 16);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS, r -> {
            var thread = new Thread(r, "lan-metainfo");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext(PATH, exchange -> answer(exchange, served));
        server.start();
        return new MetainfoExchange(server, threads);
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, Function<String, Optional<Served>> served) throws IOException {
        try (exchange) {
            String ticket = exchange.getRequestURI().getPath().substring(PATH.length());
            Optional<Served> file = ticket.matches("[0-9a-f]{32}") ? served.apply(ticket) : Optional.empty();
            if (file.isEmpty()) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] sealed = file.get().key().seal(PURPOSE, file.get().metainfo());
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, sealed.length);
            exchange.getResponseBody().write(sealed);
        }
    }

    /**
     * The metainfo of {@code id} from the sender at {@code from}, opened with the group key, within
     * {@code timeout}; throws {@link IOException} saying what the sender answered otherwise.
     */
    static byte[] fetch(InetAddress from, int port, String id, GroupKey key, Duration timeout)
            throws IOException, InterruptedException {
        String host = from instanceof Inet6Address ? "[" + from.getHostAddress() + "]" : from.getHostAddress();
        URI uri = URI.create("http://" + host.replace("%", "%25") + ":" + port + PATH + key.ticket(id));
        HttpResponse<InputStream> response = HTTP.send(
                HttpRequest.newBuilder(uri).timeout(timeout).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("the sender answered " + response.statusCode());
            }
            // Read no more than a sealed metainfo can be: a hostile sender cannot fill this daemon's memory.
            int most = MAX_BYTES + GroupKey.OVERHEAD;
            byte[] bytes = body.readNBytes(most + 1);
            if (bytes.length > most) {
                throw new IOException("the sender's metainfo is over " + MAX_BYTES + " bytes");
            }
            return key.open(PURPOSE, bytes, bytes.length)
                    .orElseThrow(() -> new IOException("the sender's answer is not sealed with the group's key"));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
