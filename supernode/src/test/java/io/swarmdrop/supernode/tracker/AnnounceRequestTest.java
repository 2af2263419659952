package io.swarmdrop.supernode.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnnounceRequestTest {

    private static final String HASH = "%124Vx%9A%BC%DE%F0%00%11%22%33DUfw%88%99%aa%bb";
    private static final String PEER = "-LT2060-abcdefghijkl";

    @Test
    void parsesBinaryInfoHashesAndPeerIdsFromTheRawQuery() {
        var request = AnnounceRequest.parse(
                "pk=key&info_hash=" + HASH + "&peer_id=" + PEER
                        + "&port=6881&uploaded=0&downloaded=0&left=42&event=started&compact=1&numwant=500",
                null);

        assertThat(request.passkey()).isEqualTo("key");
        assertThat(request.infohash()).isEqualTo("123456789abcdef0001122334455667788" + "99aabb");
        assertThat(request.port()).isEqualTo(6881);
        assertThat(request.left()).isEqualTo(42);
        assertThat(request.event()).isEqualTo("started");
        assertThat(request.numwant()).isEqualTo(AnnounceRequest.MAX_NUMWANT);
        assertThat(request.compact()).isTrue();
    }

    @Test
    void thePasskeyOfTheAuthorizationHeaderWinsOverTheUrls() {
        String query = "info_hash=" + HASH + "&peer_id=" + PEER + "&port=6881";
        assertThat(AnnounceRequest.parse(query, "from-header").passkey()).isEqualTo("from-header");
        assertThat(AnnounceRequest.parse("pk=in-url&" + query, "from-header").passkey())
                .isEqualTo("from-header");
        assertThatThrownBy(() -> AnnounceRequest.parse(query, null)).hasMessageContaining("missing passkey");
    }

    @Test
    void aPlusSignIsAPlusSign() {
        assertThat(AnnounceRequest.decode("a+b%2B")).containsExactly('a', '+', 'b', '+');
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "                                                           | missing announce parameters",
                "info_hash=" + HASH + "&peer_id=" + PEER + "&port=1         | missing passkey",
                "pk=k&info_hash=%12%34&peer_id=" + PEER + "&port=1          | info_hash must be 20 bytes",
                "pk=k&info_hash=" + HASH + "&peer_id=short&port=1           | peer_id must be 20 bytes",
                "pk=k&info_hash=" + HASH + "&peer_id=" + PEER + "           | missing port",
                "pk=k&info_hash=" + HASH + "&peer_id=" + PEER + "&port=70000 | port must be between",
                "pk=k&info_hash=" + HASH + "&peer_id=" + PEER + "&port=x    | port must be a number",
                "pk=k&info_hash=" + HASH + "&peer_id=" + PEER + "&port=1&left=-1 | left must not be negative",
                "pk=k&info_hash=" + HASH + "&peer_id=" + PEER + "&port=1&event=bogus | unknown event",
                "pk=k&info_hash=%1&peer_id=" + PEER + "&port=1              | truncated percent-escape",
                "pk=k&info_hash=%zz" + HASH + "&peer_id=" + PEER + "&port=1 | bad percent-escape",
            })
    void refusesMalformedAnnouncesWithAReason(String query, String reason) {
        assertThatThrownBy(() -> AnnounceRequest.parse(query == null ? "" : query.trim(), null))
                .isInstanceOf(AnnounceException.class)
                .hasMessageContaining(reason);
    }
}
