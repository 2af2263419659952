package io.swarmdrop.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/** The figures of one benchmark run, printed as a table and written as docs/BENCHMARKS.md. */
final class Report {

    /** One fan-out width and file size: Swarmdrop and its baselines, seconds per run. */
    static final class FanOut {
        final Stats swarmdrop = new Stats();
        final Stats publish = new Stats();
        final Stats http = new Stats();
        final Stats cp = new Stats();
        final Stats syncthing = new Stats();
        final Stats publisherRatio = new Stats();
        final Stats supernodeRatio = new Stats();
        final Stats fetchingRss = new Stats();
    }

    private final Bench.Options options;
    private final String arguments;
    private final Map<String, FanOut> fanOuts = new LinkedHashMap<>();
    final Stats idleDaemonRss = new Stats();
    final Stats idleSupernodeRss = new Stats();
    final Stats latency = new Stats();
    final Stats heldSupernodeRss = new Stats();
    final Stats heldPublisherRss = new Stats();
    double heldSeconds;
    ControlPlane.Result control;

    Report(Bench.Options options, String arguments) {
        this.options = options;
        this.arguments = arguments;
    }

    FanOut fanOut(long size, int width) {
        return fanOuts.computeIfAbsent(key(size, width), k -> new FanOut());
    }

    private static String key(long size, int width) {
        return mib(size) + " MiB to " + width;
    }

    private static String mib(long size) {
        return Long.toString(size >> 20);
    }

    void print(PrintStream out) {
        out.println();
        out.print(markdownTables());
        out.println();
        out.print(targets());
    }

    private String markdownTables() {
        var text = new StringBuilder();
        if (!fanOuts.isEmpty()) {
            swarmTables(text);
        }
        if (control != null) {
            controlTable(text);
        }
        return text.toString();
    }

    private void controlTable(StringBuilder text) {
        text.append(String.format(
                "%n### Control plane: one supernode, %,d simulated devices (push channel and tracker)%n%n",
                control.devices()));
        text.append("| figure | measured |\n|---|---|\n");
        text.append(String.format(
                "| enrol %,d devices and open their push channels | %.1f s |%n",
                control.devices(), control.setupSeconds()));
        text.append(String.format(
                "| publish call for a group of %,d | %.2f s |%n", control.devices() + 1, control.publishSeconds()));
        text.append(
                String.format("| devices that got the notice | %,d of %,d |%n", control.noticed(), control.devices()));
        text.append(String.format(
                "| notice: publish call to the median device | %.2f s |%n", control.medianNoticeSeconds()));
        text.append(
                String.format("| notice: publish call to the last device | %.2f s |%n", control.lastNoticeSeconds()));
        text.append(String.format(
                "| sustained announces (%d in flight, %d-peer swarm) | %.0f /s |%n",
                options.announceConcurrency(), control.devices(), control.announcesPerSecond()));
        text.append(String.format(
                "| announce latency p50 / p99 | %.1f ms / %.1f ms |%n",
                control.announceMillis().percentile(50),
                control.announceMillis().percentile(99)));
        text.append(String.format("| failed announces | %d |%n", control.announceFailures()));
        text.append(String.format(
                "| supernode resident memory with every channel open | %.0f MiB |%n", control.supernodeRssMiB()));
    }

    private void swarmTables(StringBuilder text) {
        text.append("### Fan-out: seconds from the drop until the last inbox has a verified copy\n\n");
        text.append(
                "| file to N | Swarmdrop | of which drop to published | HTTP (nginx + curl) | Syncthing | cp"
                        + " | Swarmdrop / HTTP | Swarmdrop / Syncthing | publisher upload / size | supernode upload / size |\n");
        text.append("|---|---|---|---|---|---|---|---|---|---|\n");
        fanOuts.forEach((key, row) -> text.append("| ")
                .append(key)
                .append(" | ")
                .append(row.swarmdrop.show("%.2f"))
                .append(" | ")
                .append(row.publish.show("%.2f"))
                .append(" | ")
                .append(row.http.show("%.2f"))
                .append(" | ")
                .append(row.syncthing.show("%.2f"))
                .append(" | ")
                .append(row.cp.show("%.2f"))
                .append(" | ")
                .append(String.format("%.2fx", row.swarmdrop.median() / row.http.median()))
                .append(" | ")
                .append(String.format("%.2fx", row.swarmdrop.median() / row.syncthing.median()))
                .append(" | ")
                .append(row.publisherRatio.show("%.2f"))
                .append(" | ")
                .append(row.supernodeRatio.show("%.2f"))
                .append(" |\n"));
        text.append("\n### Throughput, one to one\n\n");
        text.append(
                "| file | Swarmdrop MB/s (drop to inbox) | Swarmdrop MB/s (published to inbox) | cp MB/s | Swarmdrop / cp |\n");
        text.append("|---|---|---|---|---|\n");
        fanOuts.forEach((key, row) -> {
            if (key.endsWith(" to 1")) {
                long size = Long.parseLong(key.substring(0, key.indexOf(' '))) << 20;
                double whole = size / 1e6 / row.swarmdrop.median();
                double transfer = size / 1e6 / (row.swarmdrop.median() - row.publish.median());
                double cp = size / 1e6 / row.cp.median();
                text.append(String.format(
                        "| %s MiB | %.0f | %.0f | %.0f | %.0f%% |%n",
                        mib(size), whole, transfer, cp, 100 * whole / cp));
            }
        });
        text.append(String.format(
                "%n### Latency: %d publications of 1 MiB to %d subscribers (%d samples)%n%n",
                options.latencyFiles(), options.latencyWidth(), latency.count()));
        text.append("| p50 | p95 | p99 | max |\n|---|---|---|---|\n");
        text.append(String.format(
                "| %.2f s | %.2f s | %.2f s | %.2f s |%n",
                latency.percentile(50), latency.percentile(95), latency.percentile(99), latency.max()));
        text.append("\n### Resident memory (MiB, VmRSS)\n\n| process | state | MiB |\n|---|---|---|\n");
        text.append("| daemon | idle, connected (median of all daemons) | " + idleDaemonRss.show("%.0f") + " |\n");
        text.append("| daemon | fetching (peak of the first subscriber, per run) | "
                + fanOuts.values().stream()
                        .map(r -> r.fetchingRss)
                        .filter(s -> !s.isEmpty())
                        .map(s -> s.max())
                        .max(Comparator.naturalOrder())
                        .map(v -> String.format("%.0f", v))
                        .orElse("-")
                + " |\n");
        text.append("| supernode | idle | " + idleSupernodeRss.show("%.0f") + " |\n");
        text.append(String.format(
                "| supernode | holding %d live publications | %s |%n",
                options.heldPublications(), heldSupernodeRss.show("%.0f")));
        text.append(String.format(
                "| publishing daemon | after publishing them (%.0f s for all) | %s |%n",
                heldSeconds, heldPublisherRss.show("%.0f")));
    }

    private String targets() {
        var text = new StringBuilder("### Targets\n\n| target | measured | |\n|---|---|---|\n");
        if (!fanOuts.isEmpty()) {
            swarmTargets(text);
        }
        if (control != null) {
            text.append(row(
                    String.format("%,d-device notice fan-out within 5 s", control.devices()),
                    String.format("%.2f s", control.lastNoticeSeconds()),
                    control.noticed() == control.devices() && control.lastNoticeSeconds() <= 5));
        }
        return text.toString();
    }

    private void swarmTargets(StringBuilder text) {
        FanOut big = fanOuts.get(key(1024L << 20, 8));
        if (big != null) {
            double http = big.swarmdrop.median() / big.http.median();
            double syncthing = big.swarmdrop.median() / big.syncthing.median();
            text.append(row("fan-out of 1 GiB to 8 within 1.3x of HTTP", String.format("%.2fx", http), http <= 1.3));
            text.append(row("... and ahead of Syncthing", String.format("%.2fx", syncthing), syncthing < 1));
        }
        double upload = fanOuts.values().stream()
                .mapToDouble(r -> r.publisherRatio.median())
                .max()
                .orElse(Double.NaN);
        text.append(row(
                "publisher upload at most 1.05x the file size (largest median)",
                String.format("%.2fx", upload),
                upload <= 1.05));
        text.append(row(
                "1 MiB latency p50 at most 1 s",
                String.format("%.2f s", latency.percentile(50)),
                latency.percentile(50) <= 1));
        text.append(row(
                "1 MiB latency p99 at most 2 s",
                String.format("%.2f s", latency.percentile(99)),
                latency.percentile(99) <= 2));
        FanOut single = fanOuts.get(key(1024L << 20, 1));
        if (single != null) {
            double share = single.cp.median() / single.swarmdrop.median();
            text.append(row(
                    "1 to 1 throughput at least 70% of cp (1 GiB, drop to inbox)",
                    String.format("%.0f%%", 100 * share), share >= 0.7));
        }
        double idle = idleDaemonRss.median() * 1.048576; // MiB to MB
        text.append(row("idle daemon at most 120 MB resident", String.format("%.0f MB", idle), idle <= 120));
    }

    private static String row(String target, String measured, boolean met) {
        return "| " + target + " | " + measured + " | " + (met ? "met" : "**missed**") + " |\n";
    }

    /** The notes under "## Notes" in the previous report, written by people: kept across runs. */
    /**
     * Puts {@code section} (starting with {@code heading}) into the report at {@code file} in place
     * of the one with that heading, up to the next heading of its level or above, or before the
     * notes when there is none; the rest of the report stays as it is.
     */
    static void replaceSection(Path file, String heading, String section) throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n";
        int start = text.indexOf(heading);
        if (start >= 0) {
            int next = nextHeading(text, start + heading.length());
            text = text.substring(0, start) + section + (next < 0 ? "" : "\n" + text.substring(next));
        } else {
            int notes = text.indexOf("\n## Notes");
            text = notes < 0
                    ? text + "\n" + section
                    : text.substring(0, notes + 1) + section + "\n" + text.substring(notes + 1);
        }
        Files.writeString(file, text);
    }

    private static int nextHeading(String text, int from) {
        int best = -1;
        for (String mark : new String[] {"\n### ", "\n## "}) {
            int at = text.indexOf(mark, from);
            if (at >= 0 && (best < 0 || at < best)) {
                best = at + 1;
            }
        }
        return best;
    }

    static String notesOf(Path previous) throws IOException {
        if (!Files.exists(previous)) {
            return "";
        }
        String text = Files.readString(previous);
        int at = text.indexOf("\n## Notes");
        return at < 0 ? "" : text.substring(at + 1);
    }

    String markdown(String machine) {
        return """
                # Benchmarks

                Measured by `bench/run%s` on %s.

                - Machine: %s.
                - Every process on this one host, over loopback: one supernode (embedded ZooKeeper, H2), one
                  publishing daemon, subscribing daemons, each a JVM: the supernode with `-Xmx512m`, the daemons
  with `daemon/jvm.options` as the .deb ships them. Daemons scan their outbox
                  every %s and publish a file once it has not changed for %s (the defaults are 1s and 2s: a
                  drop-to-inbox time with the defaults is longer by about the difference).
                - Each figure is the median of %d runs, with the lowest and highest in brackets. Swarmdrop, HTTP,
                  Syncthing and cp are measured back to back on the same file in every run. Source files are random bytes
                  and sit in the page cache for every contender.
                - HTTP: nginx from the distribution's package serving the folder, N `curl` processes downloading at
                  once (no integrity check; Swarmdrop checks every piece). cp: N `cp` processes at once.
                - Syncthing (the distribution's package): a send-only folder shared with N receive-only instances,
                  found by static loopback addresses (local discovery would have every instance on this host
                  bind one port), file-system watcher delay 1 s; timed from the move into the folder until
                  every receiver has the file under its name.

                - Control plane: a load generator in the benchmark's JVM enrols the devices through the daemon API,
                  holds one push channel (server-sent events) per device on one HTTP/1.1 connection each, times the
                  notice of one publication to all of them from the publish call, then announces for that
                  publication from every device in random order with a fixed number in flight.

                %s
                %s"""
                .formatted(
                        arguments.isBlank() ? "" : " " + arguments,
                        LocalDate.now(),
                        machine,
                        options.scanEvery(),
                        options.stableFor(),
                        options.runs(),
                        markdownTables(),
                        targets());
    }
}
