package io.swarmdrop.daemon.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.swarmdrop.core.api.PublicationView;
import io.swarmdrop.core.torrent.Metainfo;
import io.swarmdrop.daemon.Folders;
import io.swarmdrop.daemon.TestClock;
import io.swarmdrop.daemon.journal.Fetch;
import io.swarmdrop.daemon.journal.TestJournal;
import io.swarmdrop.daemon.route.FakeRoute;
import io.swarmdrop.daemon.route.Routes;
import io.swarmdrop.engine.EngineOptions;
import io.swarmdrop.engine.TorrentCreator;
import io.swarmdrop.engine.TorrentEngine;
import io.swarmdrop.testing.FreePorts;
import io.swarmdrop.testing.RandomFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The inbox against a fake route and a real H2 journal, fetching real bytes from a second
 * libtorrent session on loopback: verified placement, no overwrite, seeding after delivery and
 * receipts that wait for their route.
 */
class InboxTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final AtomicInteger IDS = new AtomicInteger();

    @TempDir
    static Path shared;

    private static final TestClock clock = new TestClock();
    private static TestJournal journal;
    private static TorrentEngine publisher;

    @TempDir
    Path root;

    private final FakeRoute route = new FakeRoute.Fallback("pub-", Set.of("design"));
    private TorrentEngine engine;
    private Folders folders;
    private Inbox inbox;

    @BeforeAll
    static void start() {
        publisher = new TorrentEngine(new EngineOptions("127.0.0.1", FreePorts.next()));
        publisher.start();
        journal = TestJournal.open(shared.resolve("journal"), clock);
    }

    @AfterAll
    static void stop() {
        publisher.close();
        journal.close();
    }

    @BeforeEach
    void openInbox() {
        journal.clear();
        engine = new TorrentEngine(new EngineOptions("127.0.0.1", FreePorts.next()));
        engine.start();
        folders = new Folders(root.resolve("folders"));
        folders.createBase();
        inbox = new Inbox(new Routes(List.of(route)), journal, engine, folders, clock);
    }

    @AfterEach
    void closeInbox() {
        inbox.stop();
        engine.close();
    }

    /** A file the publisher seeds, known to the route, and the view a push would announce. */
    private PublicationView published(String name, int size) throws Exception {
        String id = "pub-" + IDS.incrementAndGet();
        Path file = RandomFiles.write(shared.resolve(id).resolve(name), size, id.hashCode());
        Metainfo metainfo = TorrentCreator.create(file);
        publisher.add(id, metainfo, file.getParent(), List.of(), true, null);
        route.metainfo.put(id, metainfo.bytes());
        return new PublicationView(
                id, "design", name, size, metainfo.infohashV2(), "alice@laptop", Instant.now(), "LIVE");
    }

    private void fetchFromPublisher(PublicationView publication) {
        inbox.offer(publication);
        engine.connect(publication.id(), "127.0.0.1", publisher.plainPort());
    }

    private Fetch.State state(String id) {
        return journal.fetch(id).map(f -> f.state).orElse(null);
    }

    @Test
    void aFetchedFileAppearsInTheInboxWholeIsAcknowledgedAndSeeded() throws Exception {
        PublicationView publication = published("plan.pdf", 300_000);

        fetchFromPublisher(publication);
        await().atMost(WITHIN).until(() -> state(publication.id()) == Fetch.State.ACKNOWLEDGED);

        Path delivered = folders.inbox("design").resolve("plan.pdf");
        assertThat(RandomFiles.sha256(delivered))
                .isEqualTo(RandomFiles.sha256(shared.resolve(publication.id()).resolve("plan.pdf")));
        assertThat(route.acknowledged).containsExactly(publication.id());
        assertThat(folders.staging(publication.id()))
                .as("staging is cleaned up")
                .doesNotExist();
        assertThat(journal.fetch(publication.id()).orElseThrow().deliveredPath).isEqualTo(delivered.toString());
        await().atMost(WITHIN).untilAsserted(() -> assertThat(engine.status(publication.id()))
                .as("seeded from the inbox for the other recipients")
                .hasValueSatisfying(status -> assertThat(status.finished()).isTrue()));
    }

    /**
     * Names libtorrent cannot be given as they are (emoji through JNI), would store under another
     * name (bidirectional marks dropped, names over 240 bytes cut) or that need their ' (1)' cut to
     * fit: each arrives under its own name, whole, and is seeded from the inbox.
     */
    static List<String> oddNames() {
        return List.of(
                "🎉 party.pdf",
                "𠜎 notes.txt",
                "דוח\u200F.pdf",
                "\u202Bتقرير.pdf",
                "é-250-bytes-" + "_".repeat(233) + ".txt",
                "c".repeat(251) + ".bin");
    }

    @ParameterizedTest
    @MethodSource("oddNames")
    void everyNameArrivesAsItWasPublished(String name) throws Exception {
        assertThat(name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(255);
        PublicationView publication = published(name, 70_000);

        fetchFromPublisher(publication);
        await().atMost(WITHIN).until(() -> state(publication.id()) == Fetch.State.ACKNOWLEDGED);

        Path delivered = folders.inbox("design").resolve(name);
        assertThat(RandomFiles.sha256(delivered))
                .isEqualTo(RandomFiles.sha256(shared.resolve(publication.id()).resolve(name)));
        await().atMost(WITHIN).untilAsserted(() -> assertThat(engine.status(publication.id()))
                .as("seeded from the inbox")
                .hasValueSatisfying(status -> assertThat(status.finished()).isTrue()));
    }

    @Test
    void aNameOf255BytesTakenInTheInboxArrivesUnderAShortenedNumberedName() throws Exception {
        String name = "ü".repeat(125) + "x.bin";
        PublicationView publication = published(name, 30_000);
        Files.writeString(Files.createDirectories(folders.inbox("design")).resolve(name), "mine");

        fetchFromPublisher(publication);
        await().atMost(WITHIN).until(() -> state(publication.id()) == Fetch.State.ACKNOWLEDGED);

        Path delivered = Path.of(journal.fetch(publication.id()).orElseThrow().deliveredPath);
        assertThat(delivered.getFileName().toString()).endsWith(" (1).bin");
        assertThat(Files.size(delivered)).isEqualTo(30_000);
    }

    @Test
    void aFileAlreadyInTheInboxIsNeverOverwritten() throws Exception {
        PublicationView publication = published("report.pdf", 50_000);
        Path mine = Files.writeString(
                Files.createDirectories(folders.inbox("design")).resolve("report.pdf"), "my own notes");

        fetchFromPublisher(publication);
        await().atMost(WITHIN).until(() -> state(publication.id()) == Fetch.State.ACKNOWLEDGED);

        assertThat(mine).hasContent("my own notes");
        Path delivered = folders.inbox("design").resolve("report (1).pdf");
        assertThat(journal.fetch(publication.id()).orElseThrow().deliveredPath).isEqualTo(delivered.toString());
        assertThat(Files.size(delivered)).isEqualTo(50_000);
    }

    @Test
    void aReceiptWaitsInTheJournalUntilTheRouteTakesIt() throws Exception {
        PublicationView publication = published("minutes.txt", 20_000);
        inbox.offer(publication);
        route.failure = FakeRoute.unreachable();
        engine.connect(publication.id(), "127.0.0.1", publisher.plainPort());

        await().atMost(WITHIN).until(() -> state(publication.id()) == Fetch.State.DELIVERED);
        inbox.maintain();
        assertThat(state(publication.id())).as("still no receipt taken").isEqualTo(Fetch.State.DELIVERED);
        assertThat(folders.inbox("design").resolve("minutes.txt")).exists();

        route.failure = null;
        inbox.maintain();
        assertThat(state(publication.id())).isEqualTo(Fetch.State.ACKNOWLEDGED);
        assertThat(route.acknowledged).containsExactly(publication.id());
    }

    /**
     * Finding D4: a fetch that does not fit waits with its reason in the status, starts nothing
     * and leaves nothing in the inbox, and goes on by itself once there is room. The daemon's root
     * is a real 8 MiB tmpfs (mounted by the test, so as root, as CI runs), grown afterwards.
     */
    @Test
    void aFetchThatDoesNotFitWaitsForRoomAndGoesOnWhenThereIsSome() throws Exception {
        Path small = Files.createDirectories(root.resolve("small-disk"));
        org.junit.jupiter.api.Assumptions.assumeTrue(
                run("mount", "-t", "tmpfs", "-o", "size=8m", "swarmdrop-test", small.toString()) == 0,
                "mounting a tmpfs needs root");
        try {
            var smallFolders = new Folders(small);
            smallFolders.createBase();
            var smallInbox = new Inbox(new Routes(List.of(route)), journal, engine, smallFolders, clock);
            try {
                PublicationView publication = published("backup.tar", 12 << 20);
                smallInbox.offer(publication);
                smallInbox.maintain();
                smallInbox.maintain();

                assertThat(state(publication.id())).isEqualTo(Fetch.State.FETCHING);
                assertThat(journal.fetch(publication.id()).orElseThrow().message)
                        .startsWith("waiting for disk space: it needs 12 MiB more (16 MiB kept free)");
                assertThat(engine.contains(publication.id()))
                        .as("nothing started")
                        .isFalse();
                assertThat(smallFolders.inbox("design")).isEmptyDirectory();

                assertThat(run("mount", "-o", "remount,size=64m", small.toString()))
                        .isZero();
                await().atMost(WITHIN).until(() -> {
                    smallInbox.maintain();
                    engine.connect(publication.id(), "127.0.0.1", publisher.plainPort());
                    return state(publication.id()) == Fetch.State.ACKNOWLEDGED;
                });
                assertThat(RandomFiles.sha256(smallFolders.inbox("design").resolve("backup.tar")))
                        .isEqualTo(RandomFiles.sha256(
                                shared.resolve(publication.id()).resolve("backup.tar")));
                assertThat(journal.fetch(publication.id()).orElseThrow().message)
                        .isNull();
            } finally {
                smallInbox.stop();
            }
        } finally {
            run("umount", "-l", small.toString());
        }
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        return process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    @Test
    void aPublicationWhoseMetainfoCannotBeHadYetIsAcceptedOnALaterRound() throws Exception {
        PublicationView publication = published("late.bin", 20_000);
        route.failure = FakeRoute.unreachable();

        inbox.offer(publication);
        assertThat(journal.fetch(publication.id())).isEmpty();

        route.failure = null;
        inbox.maintain();
        engine.connect(publication.id(), "127.0.0.1", publisher.plainPort());
        await().atMost(WITHIN).until(() -> state(publication.id()) == Fetch.State.ACKNOWLEDGED);
    }

    @Test
    void metainfoThatDoesNotMatchThePublicationIsRefusedAndNothingIsFetched() throws Exception {
        PublicationView publication = published("invoice.pdf", 20_000);
        PublicationView other = published("other.pdf", 20_000);
        route.metainfo.put(publication.id(), route.metainfo.get(other.id()));

        inbox.offer(publication);
        inbox.offer(publication);

        Fetch refused = journal.fetch(publication.id()).orElseThrow();
        assertThat(refused.state).isEqualTo(Fetch.State.REJECTED);
        assertThat(refused.message).contains("does not match");
        assertThat(engine.contains(publication.id())).isFalse();
        assertThat(route.acknowledged).isEmpty();
    }

    @Test
    void anAnnouncementRepeatedAfterDeliveryChangesNothing() throws Exception {
        PublicationView publication = published("once.bin", 20_000);
        fetchFromPublisher(publication);
        await().atMost(WITHIN).until(() -> state(publication.id()) == Fetch.State.ACKNOWLEDGED);

        inbox.offer(publication);
        inbox.catchUp(List.of(publication));
        inbox.maintain();

        try (var files = Files.list(folders.inbox("design"))) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("once.bin");
        }
        assertThat(route.acknowledged).containsExactly(publication.id());
    }
}
