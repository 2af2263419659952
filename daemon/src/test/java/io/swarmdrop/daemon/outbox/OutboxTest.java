package io.swarmdrop.daemon.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmdrop.daemon.Folders;
import io.swarmdrop.daemon.TestClock;
import io.swarmdrop.daemon.journal.Journal;
import io.swarmdrop.daemon.journal.PublishedFile;
import io.swarmdrop.daemon.journal.TestJournal;
import io.swarmdrop.daemon.route.FakeRoute;
import io.swarmdrop.daemon.route.Routes;
import io.swarmdrop.engine.EngineOptions;
import io.swarmdrop.engine.TorrentEngine;
import io.swarmdrop.testing.FreePorts;
import io.swarmdrop.testing.RandomFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox against a fake route, a real H2 journal, a real libtorrent session and a clock moved
 * by hand: what is published, when, once, and what is refused.
 */
class OutboxTest {

    private static final Duration STABLE_FOR = Duration.ofSeconds(2);
    private static TorrentEngine engine;

    @TempDir
    static Path journalFolder;

    @TempDir
    Path root;

    private static final TestClock clock = new TestClock();
    private static TestJournal journal;
    private final FakeRoute supernodes = new FakeRoute.Fallback("pub-", Set.of("design"));
    private final FakeRoute lan = new FakeRoute("lan-", Set.of("site"));
    private Folders folders;
    private Outbox outbox;

    @BeforeAll
    static void start() {
        engine = new TorrentEngine(new EngineOptions("127.0.0.1", FreePorts.next()));
        engine.start();
        journal = TestJournal.open(journalFolder, clock);
    }

    @AfterAll
    static void stop() {
        engine.close();
        journal.close();
    }

    @BeforeEach
    void openOutbox() {
        journal.clear();
        folders = new Folders(root.resolve("folders"));
        folders.createBase();
        folders.createGroup("design");
        folders.createGroup("site");
        outbox = new Outbox(new Routes(List.of(supernodes, lan)), journal, engine, folders, clock, STABLE_FOR);
    }

    @AfterEach
    void stopSeeding() {
        supernodes.published.forEach(p -> engine.remove(p.id(), false));
        lan.published.forEach(p -> engine.remove(p.id(), false));
    }

    /** Scans, lets the stability window pass, scans again: what a file needs to be published. */
    private void scanAcrossTheWindow() {
        outbox.scan(Set.of("design", "site"));
        clock.advance(STABLE_FOR.plusMillis(1));
        outbox.scan(Set.of("design", "site"));
    }

    @Test
    void aFileIsPublishedOnceItHasNotChangedForTheStabilityWindowAndOnlyOnce() throws Exception {
        RandomFiles.write(folders.outbox("design").resolve("plan.pdf"), 40_000, 1);

        outbox.scan(Set.of("design"));
        clock.advance(STABLE_FOR.minusMillis(1));
        outbox.scan(Set.of("design"));
        assertThat(supernodes.published).as("still inside the window").isEmpty();

        clock.advance(Duration.ofMillis(2));
        outbox.scan(Set.of("design"));
        clock.advance(STABLE_FOR.multipliedBy(3));
        outbox.scan(Set.of("design"));

        assertThat(supernodes.published).containsExactly(new FakeRoute.Published("design", "plan.pdf", "pub-1"));
        assertThat(journal.publishedFiles()).singleElement().satisfies(entry -> {
            assertThat(entry.fileName).isEqualTo("plan.pdf");
            assertThat(entry.publicationId).isEqualTo("pub-1");
        });
        assertThat(engine.status("pub-1"))
                .as("seeded from the outbox")
                .hasValueSatisfying(status -> assertThat(status.name()).isEqualTo("plan.pdf"));
    }

    @Test
    void aFileThatKeepsGrowingWaitsUntilItSettles() throws Exception {
        Path file = folders.outbox("design").resolve("video.mp4");
        RandomFiles.write(file, 10_000, 2);
        outbox.scan(Set.of("design"));
        clock.advance(STABLE_FOR.plusMillis(1));
        Files.write(file, new byte[5_000], java.nio.file.StandardOpenOption.APPEND);

        outbox.scan(Set.of("design"));
        assertThat(supernodes.published).as("it grew since the last look").isEmpty();

        clock.advance(STABLE_FOR.plusMillis(1));
        outbox.scan(Set.of("design"));
        assertThat(supernodes.published).singleElement().satisfies(p -> assertThat(p.name())
                .isEqualTo("video.mp4"));
        assertThat(journal.publishedFiles().get(0).size).isEqualTo(15_000);
    }

    @Test
    void aRenamedFileIsFollowedAndNotPublishedAgain() throws Exception {
        Path file = RandomFiles.write(folders.outbox("design").resolve("draft.pdf"), 30_000, 3);
        scanAcrossTheWindow();
        assertThat(supernodes.published).hasSize(1);

        Files.move(file, file.resolveSibling("final.pdf"));
        scanAcrossTheWindow();

        assertThat(supernodes.published).as("a rename publishes nothing").hasSize(1);
        assertThat(journal.publishedFiles()).singleElement().satisfies(entry -> {
            assertThat(entry.fileName).isEqualTo("final.pdf");
            assertThat(entry.publicationId).isEqualTo("pub-1");
        });
        assertThat(engine.contains("pub-1"))
                .as("still seeded, from its new name")
                .isTrue();
    }

    @Test
    void aCopyUnderAnotherNameIsANewPublication() throws Exception {
        Path file = RandomFiles.write(folders.outbox("design").resolve("a.bin"), 20_000, 4);
        scanAcrossTheWindow();
        Files.copy(file, file.resolveSibling("b.bin"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        scanAcrossTheWindow();

        assertThat(supernodes.published).extracting(FakeRoute.Published::name).containsExactly("a.bin", "b.bin");
    }

    @Test
    void aRefusedFileStaysInTheOutboxAndIsTriedAgainOnlyOnceItChanges() throws Exception {
        Path file = RandomFiles.write(folders.outbox("design").resolve("huge.iso"), 20_000, 5);
        supernodes.failure = FakeRoute.refused("larger than the group allows");

        scanAcrossTheWindow();
        scanAcrossTheWindow();

        assertThat(file).exists();
        assertThat(journal.outboxEntries()).singleElement().satisfies(entry -> {
            assertThat(entry.state()).isEqualTo(PublishedFile.State.REFUSED);
            assertThat(entry.message()).isEqualTo("larger than the group allows");
        });

        supernodes.failure = null;
        scanAcrossTheWindow();
        assertThat(supernodes.published).as("unchanged, so not tried again").isEmpty();

        RandomFiles.write(file, 10_000, 6);
        scanAcrossTheWindow();
        assertThat(supernodes.published).singleElement().satisfies(p -> assertThat(p.name())
                .isEqualTo("huge.iso"));
    }

    @Test
    void aFileIsPublishedOnceTheRouteAnswersAgain() throws Exception {
        RandomFiles.write(folders.outbox("design").resolve("notes.txt"), 5_000, 7);
        supernodes.failure = FakeRoute.unreachable();

        scanAcrossTheWindow();
        assertThat(journal.outboxEntries()).as("nothing final was recorded").isEmpty();

        supernodes.failure = null;
        clock.advance(Duration.ofMillis(1001));
        outbox.scan(Set.of("design"));
        assertThat(supernodes.published).singleElement().satisfies(p -> assertThat(p.name())
                .isEqualTo("notes.txt"));
    }

    /**
     * A route that cannot take a file now (no supernode, no quorum, a full disk there) is asked
     * again after 1, 2, 4 ... seconds (at most a minute), not on every scan, and the file is hashed
     * once for all the attempts, not once per scan.
     */
    @Test
    void aFileTheRouteCannotTakeNowIsRetriedWithGrowingPausesAndHashedOnce() throws Exception {
        RandomFiles.write(folders.outbox("design").resolve("atlas.bin"), 300_000, 8);
        supernodes.failure = FakeRoute.unreachable();

        scanAcrossTheWindow();
        outbox.scan(Set.of("design"));
        assertThat(supernodes.offered).as("one attempt, then a pause").hasSize(1);
        clock.advance(Duration.ofMillis(1001));
        outbox.scan(Set.of("design"));
        outbox.scan(Set.of("design"));
        assertThat(supernodes.offered).hasSize(2);
        clock.advance(Duration.ofMillis(1001));
        outbox.scan(Set.of("design"));
        assertThat(supernodes.offered).as("the pause has grown to 2 s").hasSize(2);
        clock.advance(Duration.ofMillis(1001));
        outbox.scan(Set.of("design"));
        assertThat(supernodes.offered).hasSize(3);

        supernodes.failure = null;
        clock.advance(Duration.ofSeconds(5));
        outbox.scan(Set.of("design"));
        assertThat(supernodes.published).hasSize(1);
        assertThat(supernodes.offered).as("hashed once").allSatisfy(t -> assertThat(t)
                .isSameAs(supernodes.offered.get(0)));
    }

    @Test
    void temporaryAndHiddenNamesAreNeverPublished() throws Exception {
        Path outboxFolder = folders.outbox("design");
        for (String name : List.of(".hidden.pdf", "download.crdownload", "~$report.docx", "copy.part")) {
            RandomFiles.write(outboxFolder.resolve(name), 1_000, name.hashCode());
        }

        scanAcrossTheWindow();

        assertThat(supernodes.published).isEmpty();
        assertThat(journal.outboxEntries()).isEmpty();
    }

    @Test
    void eachGroupIsPublishedThroughItsOwnRoute() throws Exception {
        RandomFiles.write(folders.outbox("site").resolve("site-plan.pdf"), 8_000, 8);
        RandomFiles.write(folders.outbox("design").resolve("logo.png"), 8_000, 9);

        scanAcrossTheWindow();

        assertThat(lan.published).extracting(FakeRoute.Published::name).containsExactly("site-plan.pdf");
        assertThat(supernodes.published).extracting(FakeRoute.Published::name).containsExactly("logo.png");
    }

    @Test
    void seedingResumesForTheRouteThatAsksAfterARestart() throws Exception {
        RandomFiles.write(folders.outbox("site").resolve("site-plan.pdf"), 8_000, 10);
        RandomFiles.write(folders.outbox("design").resolve("logo.png"), 8_000, 11);
        scanAcrossTheWindow();
        String local = lan.published.get(0).id();
        String remote = supernodes.published.get(0).id();
        engine.remove(local, false);
        engine.remove(remote, false);

        Journal sameJournal = journal;
        var restarted =
                new Outbox(new Routes(List.of(supernodes, lan)), sameJournal, engine, folders, clock, STABLE_FOR);
        restarted.resumeSeeding(lan);

        assertThat(engine.contains(local)).isTrue();
        assertThat(engine.contains(remote)).as("waits for its own route").isFalse();

        restarted.resumeSeeding(supernodes);
        assertThat(engine.contains(remote)).isTrue();
    }
}
