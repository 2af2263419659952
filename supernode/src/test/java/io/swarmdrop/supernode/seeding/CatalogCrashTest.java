package io.swarmdrop.supernode.seeding;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmdrop.core.files.DurableH2;
import io.swarmdrop.engine.ResumeFiles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding D1: a supernode's catalog lost rows committed long before a SIGKILL. This kills a process
 * that writes the catalog's pattern, at random moments, again and again, and after each kill every
 * row whose commit had returned must be there as it was committed (and every removed one gone), and
 * every resume file whole.
 */
class CatalogCrashTest {

    /** 20 rounds take about 45 s here; {@code -Dcrash.kills=500} makes a soak of it. */
    private static final int KILLS = Integer.getInteger("crash.kills", 20);

    @TempDir
    Path folder;

    @Test
    void noCommittedRowIsLostWhenTheWriterIsKilledAtRandom() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("CatalogCrashTest seed " + seed + " (rerun with -Dcrash.seed=" + seed + ")");
        var random = new Random(seed);
        String url = DurableH2.url(folder.resolve("catalog"));
        Map<String, String> committed = new HashMap<>();
        int next = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Process writer = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            CatalogWriter.class.getName(),
                            url,
                            folder.resolve("resume").toString(),
                            Long.toString(random.nextLong()),
                            Integer.toString(next))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            long killAt = 0;
            String inDoubt = null;
            try (var lines =
                    new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.equals("ready")) {
                        killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200 + random.nextInt(2500));
                        continue;
                    }
                    String[] parts = line.split(" ");
                    inDoubt = parts[0].equals("begin") ? parts[1] : null;
                    next = Math.max(next, Integer.parseInt(parts[1].substring(1)) + 1);
                    switch (parts[0]) {
                        case "begin" -> {}
                        case "add" -> committed.put(parts[1], "FETCHING");
                        case "stored" -> committed.put(parts[1], "STORED");
                        case "remove" -> committed.remove(parts[1]);
                        default -> throw new AssertionError("the writer said: " + line);
                    }
                    if (killAt != 0 && System.nanoTime() > killAt && writer.isAlive()) {
                        // SIGKILL; the lines still in the pipe were printed before it and are read on.
                        writer.toHandle().destroyForcibly(); // unlike Process.destroy, keeps the pipe open
                    }
                }
            }
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(killAt).as("the writer started").isNotZero();
            new ResumeFiles(folder.resolve("resume")); // removes what the kill left half-written
            try (var files = Files.list(folder.resolve("resume"))) {
                for (Path file : files.toList()) {
                    assertThat(CatalogWriter.isWhole(Files.readAllBytes(file)))
                            .as("resume data whole after kill %d: %s", kill + 1, file)
                            .isTrue();
                }
            }
            // The change the kill caught between its start and its commit may or may not be there.
            Map<String, String> rows = rows(url);
            if (inDoubt != null) {
                committed.remove(inDoubt);
                if (rows.containsKey(inDoubt)) {
                    committed.put(inDoubt, rows.get(inDoubt));
                }
            }
            assertThat(rows)
                    .as("the catalog after kill %d of seed %d", kill + 1, seed)
                    .isEqualTo(committed);
        }
        assertThat(committed).hasSizeGreaterThan(KILLS);
    }

    private static Map<String, String> rows(String url) throws Exception {
        var rows = new HashMap<String, String>();
        try (var db = DriverManager.getConnection(url, "sa", "");
                var result = db.createStatement().executeQuery("select id, state from stored_file")) {
            while (result.next()) {
                rows.put(result.getString(1), result.getString(2));
            }
        }
        return rows;
    }
}
