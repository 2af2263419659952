package io.swarmdrop.core.bencode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BencodeTest {

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Test
    void refusesADictionaryKeyTwiceAtAnyLevel() {
        assertThatThrownBy(() -> Bencode.decode("d4:infoi1e4:infoi2ee".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("duplicate dictionary key");
        assertThatThrownBy(() -> Bencode.decode("d1:ad1:xi1e1:xi2eee".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("duplicate dictionary key");
        assertThatThrownBy(() -> Bencode.rawValue("d1:ai1e1:ai2ee".getBytes(StandardCharsets.US_ASCII), "b"))
                .hasMessageContaining("duplicate dictionary key");
    }

    /** Finding I3: six 10 MiB bodies of empty lists once filled a 512 MiB heap. */
    @Test
    void refusesMoreValuesThanAnyMetainfoHoldsBeforeAllocatingThem() {
        byte[] lists = ("l" + "le".repeat(Bencode.MAX_VALUES) + "e").getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> Bencode.decode(lists)).hasMessageContaining("more than " + Bencode.MAX_VALUES);
    }

    @Test
    void encodesBep3ExamplesWithDictionaryKeysSorted() {
        var dict = new LinkedHashMap<String, Object>();
        dict.put("spam", List.of("a", "b"));
        dict.put("cow", "moo");
        dict.put("n", -3);

        assertThat(text(Bencode.encode(dict))).isEqualTo("d3:cow3:moo1:ni-3e4:spaml1:a1:bee");
        assertThat(text(Bencode.encode("spam"))).isEqualTo("4:spam");
        assertThat(text(Bencode.encode(0))).isEqualTo("i0e");
    }

    @Test
    void decodesWhatItEncodes() {
        byte[] binary = {0, (byte) 0xff, 10, 13};
        var value = Map.of("peers", binary, "interval", 30L, "list", List.of(1L, "x"));

        @SuppressWarnings("unchecked")
        var decoded = (Map<String, Object>) Bencode.decode(Bencode.encode(value));

        assertThat((byte[]) decoded.get("peers")).containsExactly(binary);
        assertThat(decoded.get("interval")).isEqualTo(30L);
        assertThat((List<?>) decoded.get("list")).hasSize(2).first().isEqualTo(1L);
    }

    @Test
    void rawValueReturnsTheExactBytesOfAKey() {
        byte[] data = "d4:infod4:name1:xe5:otheri1ee".getBytes(StandardCharsets.US_ASCII);

        assertThat(text(Bencode.rawValue(data, "info"))).isEqualTo("d4:name1:xe");
        assertThatThrownBy(() -> Bencode.rawValue(data, "missing")).hasMessageContaining("no key 'missing'");
    }

    @Test
    void refusesMalformedInputWithItsOffset() {
        assertThatThrownBy(() -> Bencode.decode("5:abc".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(BencodeException.class)
                .hasMessageContaining("exceeds data");
        assertThatThrownBy(() -> Bencode.decode("i12".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("unexpected end of data");
        assertThatThrownBy(() -> Bencode.decode("ixe".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("bad number");
        assertThatThrownBy(() -> Bencode.decode("i1ei2e".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("trailing bytes");
        assertThatThrownBy(() -> Bencode.decode("l".repeat(100).getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("nesting deeper");
    }

    @Test
    void binaryAndNonAsciiKeysSurviveARoundTrip() {
        // Keys in BEP 3 order (raw bytes, unsigned): "é" in UTF-8 (c3 a9), then ff 00.
        byte[] original = {
            'd', '2', ':', (byte) 0xc3, (byte) 0xa9, 'i', '2', 'e', '2', ':', (byte) 0xff, 0x00, 'i', '1', 'e', 'e'
        };

        @SuppressWarnings("unchecked")
        var decoded = (Map<String, Object>) Bencode.decode(original);

        assertThat(Bencode.encode(decoded)).containsExactly(original);
        assertThat(decoded).containsKey(Bencode.key("é"));
    }
}
