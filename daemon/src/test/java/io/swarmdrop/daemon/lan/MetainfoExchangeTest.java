package io.swarmdrop.daemon.lan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The LAN's metainfo server and client on loopback: only a holder of the group key gets a file's metainfo. */
class MetainfoExchangeTest {

    private static final byte[] KEY = "the site group's key, 32 bytes!!".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_KEY = "somebody else's key of 32 bytes!".getBytes(StandardCharsets.UTF_8);
    private static final String ID = "lan-" + "cd".repeat(24);
    private static final Duration WITHIN = Duration.ofSeconds(5);

    private final byte[] metainfo = "d4:infod4:name8:plan.pdfee".getBytes(StandardCharsets.US_ASCII);
    private final byte[] huge = new byte[MetainfoExchange.MAX_BYTES + 1];
    private MetainfoExchange exchange;

    @BeforeEach
    void serve() throws IOException {
        var served = Map.of(
                ID,
                new MetainfoExchange.Served("plan.pdf", KEY, metainfo),
                "lan-huge",
                new MetainfoExchange.Served("huge.bin", KEY, huge));
        exchange = MetainfoExchange.serve(0, id -> Optional.ofNullable(served.get(id)));
    }

    @AfterEach
    void stop() {
        exchange.close();
    }

    private byte[] fetch(String id, byte[] key) throws Exception {
        return MetainfoExchange.fetch(InetAddress.getLoopbackAddress(), exchange.port(), id, key, WITHIN);
    }

    @Test
    void aHolderOfTheGroupKeyGetsTheMetainfo() throws Exception {
        assertThat(fetch(ID, KEY)).isEqualTo(metainfo);
    }

    @Test
    void aProofMadeWithAnotherKeyIsRefused() {
        assertThatThrownBy(() -> fetch(ID, OTHER_KEY))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("403");
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
}
