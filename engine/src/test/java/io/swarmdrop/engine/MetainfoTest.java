package io.swarmdrop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swarmdrop.core.bencode.Bencode;
import io.swarmdrop.core.torrent.InvalidMetainfoException;
import io.swarmdrop.core.torrent.Metainfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetainfoTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @CsvSource({
        // size, expected piece size
        "1, 65536",
        "10485760, 65536", // 10 MiB: 64 KiB floor
        "209715200, 131072", // 200 MiB
        "1073741824, 524288", // 1 GiB
        "42949672960, 16777216", // 40 GiB: 16 MiB ceiling
    })
    void pieceSizeKeepsAboutTwoThousandPiecesWithinBounds(long size, int expected) {
        assertThat(TorrentCreator.pieceSizeFor(size)).isEqualTo(expected);
    }

    @Test
    void createsAPrivateHybridTorrentOfOneFile() throws Exception {
        Path file = TorrentFiles.random(folder, "report.pdf", 300_000, 1);

        Metainfo metainfo = TorrentCreator.create(file);

        assertThat(metainfo.name()).isEqualTo("report.pdf");
        assertThat(metainfo.size()).isEqualTo(300_000);
        assertThat(metainfo.pieceLength()).isEqualTo(65_536);
        assertThat(metainfo.infohashV1()).hasSize(40);
        assertThat(metainfo.infohashV2()).hasSize(64);
        assertThat(metainfo.announceHashes())
                .containsExactly(metainfo.infohashV1(), metainfo.infohashV2().substring(0, 40));
        assertThat(MetainfoCheck.parse(metainfo.bytes()))
                .usingRecursiveComparison()
                .isEqualTo(metainfo);
    }

    @Test
    void hashingReportsEveryPieceOnce() throws Exception {
        Path file = TorrentFiles.random(folder, "backup.tar", 3 * 65_536 * 16 + 5, 4); // 49 pieces of 64 KiB
        var reported = new java.util.ArrayList<Integer>();

        Metainfo metainfo = TorrentCreator.create(file, (done, pieces) -> {
            assertThat(pieces).isEqualTo(49);
            reported.add(done);
        });

        assertThat(metainfo.size()).isEqualTo(3 * 65_536 * 16 + 5);
        assertThat(reported).hasSize(49).isSorted().endsWith(49);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"../x | path separator", "/etc/passwd | path separator", "CON | reserved", "..|refers to a folder"
            })
    void refusesHostileFileNamesBeforeLibtorrentRewritesThem(String name, String reason) throws Exception {
        byte[] valid = TorrentCreator.create(TorrentFiles.random(folder, "a.bin", 1_000, 2))
                .bytes();

        assertThatThrownBy(() -> MetainfoCheck.parse(renamed(valid, name)))
                .isInstanceOf(InvalidMetainfoException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void refusesPublicAndMalformedTorrents() throws Exception {
        byte[] valid = TorrentCreator.create(TorrentFiles.random(folder, "a.bin", 1_000, 3))
                .bytes();
        Map<String, Object> root = decode(valid);
        @SuppressWarnings("unchecked")
        var info = new LinkedHashMap<>((Map<String, Object>) root.get("info"));
        info.remove("private");
        root.put("info", info);

        assertThatThrownBy(() -> MetainfoCheck.parse(Bencode.encode(root))).hasMessageContaining("not private");
        assertThatThrownBy(() -> MetainfoCheck.parse(new byte[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> MetainfoCheck.parse("garbage".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("not valid bencoding");
        assertThatThrownBy(() -> MetainfoCheck.parse("de".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("no key 'info'");
    }

    /** Finding I1: a second {@code info} key once made the checks read another file than the hash did. */
    @Test
    void refusesAMetainfoWithTwoInfoDictionaries() throws Exception {
        byte[] big = TorrentCreator.create(TorrentFiles.random(folder, "big.bin", 200_000, 5))
                .bytes();
        byte[] report = TorrentCreator.create(TorrentFiles.random(folder, "report.pdf", 30_000, 6))
                .bytes();
        var smuggled = new java.io.ByteArrayOutputStream();
        smuggled.write('d');
        smuggled.writeBytes("4:info".getBytes(StandardCharsets.US_ASCII));
        smuggled.writeBytes(Bencode.rawValue(big, "info"));
        smuggled.write(report, 1, report.length - 1);

        assertThatThrownBy(() -> MetainfoCheck.parse(smuggled.toByteArray()))
                .isInstanceOf(InvalidMetainfoException.class)
                .hasMessageContaining("duplicate dictionary key");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> decode(byte[] bytes) {
        return new LinkedHashMap<>((Map<String, Object>) Bencode.decode(bytes));
    }

    @SuppressWarnings("unchecked")
    static byte[] renamed(byte[] metainfo, String name) {
        Map<String, Object> root = decode(metainfo);
        var info = new LinkedHashMap<>((Map<String, Object>) root.get("info"));
        Object leaf = ((Map<String, Object>) info.get("file tree"))
                .values()
                .iterator()
                .next();
        info.put("name", name.getBytes(StandardCharsets.UTF_8));
        info.put("file tree", Map.of(Bencode.key(name), leaf));
        root.put("info", info);
        return Bencode.encode(root);
    }
}
