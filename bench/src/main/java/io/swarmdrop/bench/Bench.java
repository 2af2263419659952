package io.swarmdrop.bench;

import io.swarmdrop.core.files.FileTrees;
import io.swarmdrop.testing.RandomFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures Swarmdrop against the alternatives on this host and writes {@code docs/BENCHMARKS.md}.
 * Each run of a scenario measures Swarmdrop and its baselines back to back on the same file, so
 * their ratio carries the result on a noisy machine. Run by {@code bench/run}; see its options.
 */
public final class Bench {

    private static final long MIB = 1 << 20;

    /** The command line, with the defaults of the documented run. */
    record Options(
            int runs,
            List<Long> sizes,
            List<Integer> widths,
            int latencyFiles,
            int latencyWidth,
            int heldPublications,
            String stableFor,
            String scanEvery,
            int devices,
            int announceSeconds,
            int announceConcurrency,
            int floodSeconds,
            int floodConcurrency,
            int floodSamples,
            List<String> scenarios,
            Path out) {

        /**
         * The scenarios. "ssl" puts its section into the report in place, so it may run alone.
         * "login" is not in the documented run (scenarios=swarm,control,ssl); it writes
         * BENCHMARKS-login.md beside the report, so running it alone keeps the other results.
         */
        static final List<String> SCENARIOS = List.of("swarm", "control", "ssl", "login");

        static Options parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (String arg : args) {
                if (!arg.startsWith("--") || !arg.contains("=")) {
                    throw new IllegalArgumentException("options are --name=value; got " + arg);
                }
                given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            boolean quick = "true".equals(given.remove("quick"));
            var options = new Options(
                    Integer.parseInt(given.getOrDefault("runs", quick ? "1" : "3")),
                    Arrays.stream(given.getOrDefault("sizes", quick ? "8" : "64,1024")
                                    .split(","))
                            .map(s -> Long.parseLong(s.trim()) * MIB)
                            .toList(),
                    Arrays.stream(given.getOrDefault("widths", quick ? "1,4" : "1,4,8")
                                    .split(","))
                            .map(s -> Integer.parseInt(s.trim()))
                            .toList(),
                    Integer.parseInt(given.getOrDefault("latency-files", quick ? "10" : "100")),
                    Integer.parseInt(given.getOrDefault("latency-width", quick ? "4" : "8")),
                    Integer.parseInt(given.getOrDefault("held", quick ? "50" : "1000")),
                    given.getOrDefault("stable-for", "500ms"),
                    given.getOrDefault("scan-every", "250ms"),
                    Integer.parseInt(given.getOrDefault("devices", quick ? "500" : "10000")),
                    Integer.parseInt(given.getOrDefault("announce-seconds", quick ? "5" : "30")),
                    Integer.parseInt(given.getOrDefault("announce-concurrency", "64")),
                    Integer.parseInt(given.getOrDefault("flood-seconds", quick ? "10" : "30")),
                    Integer.parseInt(given.getOrDefault("flood-concurrency", "16")),
                    Integer.parseInt(given.getOrDefault("flood-samples", quick ? "5" : "20")),
                    Arrays.stream(given.getOrDefault("scenarios", "swarm,control,ssl")
                                    .split(","))
                            .map(String::trim)
                            .toList(),
                    Path.of(given.getOrDefault(
                            "out", quick ? "bench/target/BENCHMARKS-quick.md" : "docs/BENCHMARKS.md")));
            given.keySet()
                    .removeAll(List.of(
                            "runs",
                            "sizes",
                            "widths",
                            "latency-files",
                            "latency-width",
                            "held",
                            "stable-for",
                            "scan-every",
                            "devices",
                            "announce-seconds",
                            "announce-concurrency",
                            "flood-seconds",
                            "flood-concurrency",
                            "flood-samples",
                            "scenarios",
                            "out"));
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("unknown options " + given.keySet());
            }
            if (!SCENARIOS.containsAll(options.scenarios())) {
                throw new IllegalArgumentException("scenarios are " + SCENARIOS + "; got " + options.scenarios());
            }
            return options;
        }
    }

    private static int maxWidth(Options options) {
        return options.widths().stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path project = Path.of(System.getProperty("swarmdrop.root", "."))
                .toAbsolutePath()
                .normalize();
        Path work = project.resolve("bench/target/run-" + System.currentTimeMillis());
        var report = new Report(options, String.join(" ", args));

        System.out.printf("machine: %s%n", Machine.describe());
        if (options.scenarios().contains("swarm")) {
            runSwarm(options, work, report);
        }
        if (options.scenarios().contains("control")) {
            try (var control = new ControlPlane(work.resolve("control"))) {
                report.control =
                        control.run(options.devices(), options.announceSeconds(), options.announceConcurrency());
            }
        }
        if (options.scenarios().contains("login")) {
            try (var flood = new LoginFlood(work.resolve("login"))) {
                var result = flood.run(options.floodSeconds(), options.floodConcurrency(), options.floodSamples());
                String section = LoginFlood.markdown(result, "bench/run " + String.join(" ", args));
                System.out.println();
                System.out.print(section);
                // Beside the main report (docs/, or bench/target/ for a quick run), which it does not replace.
                Path loginOut = project.resolve(options.out()).resolveSibling("BENCHMARKS-login.md");
                String notes = Report.notesOf(loginOut);
                Files.writeString(loginOut, section + (notes.isEmpty() ? "" : "\n" + notes));
                System.out.printf("written to %s%n", loginOut);
            }
        }
        Path out = project.resolve(options.out());
        Files.createDirectories(out.getParent());
        if (options.scenarios().contains("swarm") || options.scenarios().contains("control")) {
            report.print(System.out);
            String notes = Report.notesOf(out);
            Files.writeString(out, report.markdown(Machine.describe()) + (notes.isEmpty() ? "" : "\n" + notes));
            System.out.printf("written to %s%n", out);
        }
        if (options.scenarios().contains("ssl")) {
            var rows = SslCost.run(work.resolve("ssl"), options.sizes(), options.widths(), options.runs());
            String section = SslCost.markdown(rows, options.runs())
                    + String.format(
                            "%nMeasured on %s by `bench/run %s` (%s).%n",
                            java.time.LocalDate.now(), String.join(" ", args), Machine.describe());
            System.out.println();
            System.out.print(section);
            Report.replaceSection(out, "### Data plane: SSL torrents against plain ones", section);
            System.out.printf("written to %s%n", out);
        }
    }

    /** Scenarios 1 to 4: fan-out with its baselines, latency, throughput and memory, on daemon processes. */
    private static void runSwarm(Options options, Path work, Report report) throws Exception {
        int subscribers =
                options.widths().stream().mapToInt(Integer::intValue).max().orElse(1);
        subscribers = Math.max(subscribers, options.latencyWidth());
        var widths = new ArrayList<>(options.widths());
        if (!widths.contains(options.latencyWidth())) {
            widths.add(options.latencyWidth());
        }
        try (var swarm = new Swarm(
                        work.resolve("swarm"), subscribers, widths, options.stableFor(), options.scanEvery());
                var http = new HttpServer(work.resolve("sources"), work.resolve("nginx"));
                var syncthing = new Syncthing(work.resolve("syncthing"), maxWidth(options), options.widths())) {
            // Idle: every daemon enrolled, connected and quiet for a while.
            Thread.sleep(10_000);
            for (var daemon : swarm.subscribers) {
                report.idleDaemonRss.add(Machine.residentMiB(daemon.pid()));
            }
            report.idleSupernodeRss.add(
                    Machine.residentMiB(swarm.cluster.supernode().pid()));
            System.out.printf("idle daemon resident memory: %s MiB%n", report.idleDaemonRss.show("%.0f"));

            int seed = 1;
            for (long size : options.sizes()) {
                for (int width : options.widths()) {
                    for (int run = 1; run <= options.runs(); run++) {
                        String name = "f" + (size / MIB) + "m-n" + width + "-r" + run + ".bin";
                        Path source = RandomFiles.write(work.resolve("sources").resolve(name), size, seed++);
                        Report.FanOut row = report.fanOut(size, width);

                        Swarm.Delivery d = swarm.deliver(width, source);
                        row.swarmdrop.add(d.seconds());
                        row.publish.add(d.publishSeconds());
                        row.publisherRatio.add((double) d.publisherUploaded() / size);
                        row.supernodeRatio.add((double) d.supernodeUploaded() / size);
                        row.fetchingRss.add(d.peakRssMiB());

                        Path downloads = work.resolve("http-" + run);
                        row.http.add(http.fanOut(name, width, downloads));
                        FileTrees.delete(downloads);

                        Path copies = work.resolve("cp-" + run);
                        Files.createDirectories(copies);
                        var commands = new ArrayList<List<String>>();
                        for (int i = 0; i < width; i++) {
                            commands.add(List.of(
                                    "cp",
                                    source.toString(),
                                    copies.resolve(i + "-" + name).toString()));
                        }
                        row.cp.add(Commands.timeAll(commands));
                        FileTrees.delete(copies);

                        row.syncthing.add(syncthing.fanOut(width, source));
                        Files.delete(source);
                        System.out.printf(
                                "fan-out %d MiB to %d, run %d: swarmdrop %.2f s (published after %.2f s), http %.2f s,"
                                        + " cp %.2f s, syncthing %.2f s; publisher uploaded %.2fx, supernode %.2fx%n",
                                size / MIB,
                                width,
                                run,
                                d.seconds(),
                                d.publishSeconds(),
                                row.http.last(),
                                row.cp.last(),
                                row.syncthing.last(),
                                (double) d.publisherUploaded() / size,
                                (double) d.supernodeUploaded() / size);
                    }
                }
            }

            for (int i = 1; i <= options.latencyFiles(); i++) {
                Path source =
                        RandomFiles.write(work.resolve("sources").resolve("latency-" + i + ".bin"), MIB, 1000 + i);
                swarm.latencies(options.latencyWidth(), source).forEach(report.latency::add);
                Files.delete(source);
            }
            System.out.printf(
                    "latency of %d x 1 MiB to %d: p50 %.2f s, p95 %.2f s, p99 %.2f s%n",
                    options.latencyFiles(),
                    options.latencyWidth(),
                    report.latency.percentile(50),
                    report.latency.percentile(95),
                    report.latency.percentile(99));

            Path hold = swarm.publisher.outbox("hold");
            Files.createDirectories(hold);
            long before = swarm.publishedCount();
            Instant heldSince = Instant.now();
            for (int i = 1; i <= options.heldPublications(); i++) {
                RandomFiles.write(work.resolve("held").resolve("held-" + i + ".bin"), 4096, 5000 + i);
                swarm.publisher.drop("hold", work.resolve("held").resolve("held-" + i + ".bin"));
            }
            long deadline = System.nanoTime() + 3_600_000_000_000L;
            long expected = options.heldPublications();
            while (swarm.publishedCount() < before + expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the held publications were not all published in an hour");
                }
                Thread.sleep(1000);
            }
            report.heldSeconds = ChronoUnit.MILLIS.between(heldSince, Instant.now()) / 1000.0;
            Thread.sleep(10_000); // Let the supernode fetch and settle.
            report.heldSupernodeRss.add(
                    Machine.residentMiB(swarm.cluster.supernode().pid()));
            report.heldPublisherRss.add(Machine.residentMiB(swarm.publisher.pid()));
        }
    }
}
