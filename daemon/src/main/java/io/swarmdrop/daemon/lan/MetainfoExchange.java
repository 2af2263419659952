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
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Hands the metainfo of a local group's file from its sender to a receiver over a small HTTP
 * server ({@code GET /lan/torrent/{id}?proof=HMAC(group key, id)}): only a holder of the group key
 * gets it. Offers carry no metainfo, which does not fit a datagram.
 */
final class MetainfoExchange implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MetainfoExchange.class);
    private static final String PATH = "/lan/torrent/";
    /** A metainfo file is a few hundred kilobytes at most (hashes of a 40 GiB file's pieces). */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    /** What the sender serves for a publication id: the group key proofs are checked with, and the bytes. */
    record Served(String fileName, byte[] groupKey, byte[] metainfo) {}

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final HttpServer server;

    private MetainfoExchange(HttpServer server) {
        this.server = server;
    }

    /** Serves on {@code port} (0 for any) what {@code served} finds for an id. */
    static MetainfoExchange serve(int port, Function<String, Optional<Served>> served) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 8);
        server.createContext(PATH, exchange -> answer(exchange, served));
        server.start();
        return new MetainfoExchange(server);
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, Function<String, Optional<Served>> served) throws IOException {
        try (exchange) {
            String id = exchange.getRequestURI().getPath().substring(PATH.length());
            String query =
                    Optional.ofNullable(exchange.getRequestURI().getQuery()).orElse("");
            String proof = query.startsWith("proof=") ? query.substring("proof=".length()) : "";
            Optional<Served> file = served.apply(id);
            if (file.isEmpty()) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (!LanMessage.isProof(file.get().groupKey(), id, proof)) {
                LOG.warnf(
                        "LAN: %s asked for the metainfo of '%s' without proof of the group key; refused",
                        exchange.getRemoteAddress().getAddress().getHostAddress(),
                        file.get().fileName());
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-bittorrent");
            exchange.sendResponseHeaders(200, file.get().metainfo().length);
            exchange.getResponseBody().write(file.get().metainfo());
        }
    }

    /**
     * The metainfo of {@code id} from the sender at {@code from}, proving the group key, within
     * {@code timeout}; throws {@link IOException} saying what the sender answered otherwise.
     */
    static byte[] fetch(InetAddress from, int port, String id, byte[] groupKey, Duration timeout)
            throws IOException, InterruptedException {
        String host = from instanceof Inet6Address ? "[" + from.getHostAddress() + "]" : from.getHostAddress();
        URI uri = URI.create("http://" + host.replace("%", "%25") + ":" + port + PATH + id + "?proof="
                + LanMessage.proof(groupKey, id));
        HttpResponse<InputStream> response = HTTP.send(
                HttpRequest.newBuilder(uri).timeout(timeout).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("the sender answered " + response.statusCode());
            }
            // Read no more than a metainfo can be: a hostile sender cannot fill this daemon's memory.
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException("the sender's metainfo is over " + MAX_BYTES + " bytes");
            }
            return bytes;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
