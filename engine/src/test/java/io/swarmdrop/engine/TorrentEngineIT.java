package io.swarmdrop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.swarmdrop.core.api.TransferStatus;
import io.swarmdrop.core.torrent.Metainfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two real libtorrent sessions on loopback move a real file. */
class TorrentEngineIT {

    @TempDir
    Path folder;

    @Test
    void movesAFileBetweenTwoSessionsAndReportsFinishedAndResumeData() throws Exception {
        Path source = TorrentFiles.random(folder.resolve("seed"), "clip.bin", 3_000_000, 7);
        Metainfo metainfo = TorrentCreator.create(source);
        var finished = new CopyOnWriteArrayList<String>();
        var resume = new CopyOnWriteArrayList<byte[]>();

        try (var seeder = new TorrentEngine(new EngineOptions("127.0.0.1", freePort()));
                var leecher = new TorrentEngine(new EngineOptions("127.0.0.1", freePort()))) {
            leecher.addListener(new TransferListener() {
                @Override
                public void finished(String key) {
                    finished.add(key);
                }

                @Override
                public void resumeData(String key, byte[] data) {
                    resume.add(data);
                }
            });
            seeder.start();
            leecher.start();
            seeder.add("p1", metainfo, source.getParent(), List.of(), true, null);
            leecher.add("p1", metainfo, folder.resolve("fetch"), List.of(), false, null);
            leecher.connect("p1", "127.0.0.1", seeder.plainPort());

            await().atMost(Duration.ofSeconds(60)).until(() -> finished.contains("p1"));
            TransferStatus status = leecher.status("p1").orElseThrow();
            assertThat(status.finished()).isTrue();
            assertThat(status.name()).isEqualTo("clip.bin");
            assertThat(status.downloaded()).isBetween(3_000_000L, 3_300_000L);
            assertThat(seeder.status("p1").orElseThrow().uploaded()).isGreaterThanOrEqualTo(3_000_000L);
            assertThat(Files.readAllBytes(folder.resolve("fetch/clip.bin"))).isEqualTo(Files.readAllBytes(source));

            leecher.saveResumeData("p1");
            await().atMost(Duration.ofSeconds(10)).until(() -> !resume.isEmpty());
            assertThat(resume.get(0)).isNotEmpty();
        }
    }

    @Test
    void aFileWhoseNameCannotCrossToLibtorrentIsHashedAndSeededThroughALinkThatGoesWithIt() throws Exception {
        Path source = TorrentFiles.random(folder.resolve("emoji"), "🎉 party.bin", 200_000, 9);

        Metainfo metainfo = TorrentCreator.create(source);

        assertThat(metainfo.name()).isEqualTo("🎉 party.bin");
        assertThat(metainfo.size()).isEqualTo(200_000);
        try (var seeder = new TorrentEngine(new EngineOptions("127.0.0.1", freePort()))) {
            seeder.keepLinksIn(folder.resolve("links"));
            seeder.start();
            seeder.add("p3", metainfo, source.getParent(), List.of(), true, null);
            try (var files = Files.list(source.getParent())) {
                assertThat(files).as("nothing new beside the file").containsExactly(source);
            }
            assertThat(folder.resolve("links/.swarmdrop-p3.link")).hasSameBinaryContentAs(source);
            assertThat(seeder.status("p3").orElseThrow().error()).isNull();

            seeder.remove("p3", false);
        }
        try (var files = Files.list(source.getParent())) {
            assertThat(files).as("the file stays").containsExactly(source);
        }
        assertThat(folder.resolve("links/.swarmdrop-p3.link"))
                .as("the link is gone")
                .doesNotExist();
    }

    private static int freePort() throws Exception {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aFetchThatFailedOnItsDiskContinuesOnceRetried() throws Exception {
        Path source = TorrentFiles.random(folder.resolve("seed"), "report.bin", 1_000_000, 8);
        Metainfo metainfo = TorrentCreator.create(source);
        // The fetch's folder is taken by a file, as when a disk or a folder is not available.
        Path blocked = Files.writeString(folder.resolve("blocked"), "not a folder");

        try (var seeder = new TorrentEngine(new EngineOptions("127.0.0.1", freePort()));
                var leecher = new TorrentEngine(new EngineOptions("127.0.0.1", freePort()))) {
            seeder.start();
            leecher.start();
            seeder.add("p2", metainfo, source.getParent(), List.of(), true, null);
            leecher.add("p2", metainfo, blocked, List.of(), false, null);
            leecher.connect("p2", "127.0.0.1", seeder.plainPort());

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> leecher.status("p2").orElseThrow().error() != null);
            assertThat(leecher.retryFailed("p2")).as("an error to clear").isTrue();

            Files.delete(blocked);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                leecher.retryFailed("p2");
                leecher.connect("p2", "127.0.0.1", seeder.plainPort());
                return leecher.status("p2").orElseThrow().finished();
            });
            assertThat(Files.readAllBytes(blocked.resolve("report.bin"))).isEqualTo(Files.readAllBytes(source));
        }
    }
}
