package io.swarmdrop.daemon.lan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The LAN's metainfo server and client on loopback: only a holder of the group key can read a
 * file's metainfo, whoever watches or makes the request; a slow client stalls nobody else.
 */
class MetainfoExchangeTest {

    private static final GroupKey KEY =
            new GroupKey("site", "the site group's key, 32 bytes!!".getBytes(StandardCharsets.UTF_8));
    private static final GroupKey OTHER_KEY =
            new GroupKey("site", "somebody else's key of 32 bytes!".getBytes(StandardCharsets.UTF_8));
    private static final String ID = "lan-" + "cd".repeat(24);
    private static final Duration WITHIN = Duration.ofSeconds(5);

    private final byte[] metainfo = "d4:infod4:name8:plan.pdfee".getBytes(StandardCharsets.US_ASCII);
    private final byte[] huge = new byte[MetainfoExchange.MAX_BYTES + 1];
    private MetainfoExchange exchange;

    @BeforeEach
    void serve() throws IOException {
        var served = Map.of(
                KEY.ticket(ID),
                new MetainfoExchange.Served("plan.pdf", KEY, metainfo),
                KEY.ticket("lan-huge"),
                new MetainfoExchange.Served("huge.bin", KEY, huge));
        exchange = MetainfoExchange.serve(0, ticket -> Optional.ofNullable(served.get(ticket)));
    }

    @AfterEach
    void stop() {
        exchange.close();
    }

    private byte[] fetch(String id, GroupKey key) throws Exception {
        return MetainfoExchange.fetch(InetAddress.getLoopbackAddress(), exchange.port(), id, key, WITHIN);
    }

    @Test
    void aHolderOfTheGroupKeyGetsTheMetainfo() throws Exception {
        assertThat(fetch(ID, KEY)).isEqualTo(metainfo);
    }

    @Test
    void whoeverRepeatsAWatchedRequestGetsBytesOnlyTheKeyOpens() throws Exception {
        // What a host on the LAN sees of a fetch is its URL: the ticket, not the id or the hash.
        assertThat(KEY.ticket(ID)).doesNotContain(ID.substring(4, 20));
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + exchange.port() + "/lan/torrent/" + KEY.ticket(ID)))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.ISO_8859_1)).doesNotContain("plan.pdf");
        assertThat(OTHER_KEY.open(MetainfoExchange.PURPOSE, response.body(), response.body().length))
                .isEmpty();
    }

    @Test
    void anotherKeyNamesNoFileAndCannotOpenOne() {
        assertThatThrownBy(() -> fetch(ID, OTHER_KEY))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("404");
    }

    @Test
    void anUnknownIdIsNotFound() {
        assertThatThrownBy(() -> fetch("lan-" + "00".repeat(24), KEY))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("404");
    }

    @Test
    void moreBytesThanAMetainfoCanHaveAreRefused() {
        assertThatThrownBy(() -> fetch("lan-huge", KEY))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("over " + MetainfoExchange.MAX_BYTES + " bytes");
    }

    @Test
    void aClientTricklingItsRequestStallsNobodyElse() throws Exception {
        try (var slow = new Socket(InetAddress.getLoopbackAddress(), exchange.port())) {
            OutputStream out = slow.getOutputStream();
            out.write("GET /lan/torrent/".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The fetch gives up after WITHIN: it must be answered while the slow client still hangs.
            assertThat(fetch(ID, KEY)).isEqualTo(metainfo);
        }
    }
}
