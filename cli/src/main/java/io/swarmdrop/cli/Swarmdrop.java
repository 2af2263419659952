package io.swarmdrop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code swarmdrop} command. It talks to the daemon of the current user over the daemon's local
 * API and exits with a code a script can rely on:
 *
 * <ul>
 *   <li>0: done;
 *   <li>1: failed otherwise (the message says why);
 *   <li>2: the command line is wrong;
 *   <li>3: no daemon is running for this root folder (or its token file is unreadable);
 *   <li>4: refused: bad input, not your group, already there, or refused by the group's policy;
 *   <li>5: not found;
 *   <li>6: the daemon cannot reach any supernode.
 * </ul>
 */
@Command(
        name = "swarmdrop",
        mixinStandardHelpOptions = true,
        version = "swarmdrop 0.1",
        description = "Talks to the Swarmdrop daemon running for this user.",
        subcommands = {
            Swarmdrop.Status.class,
            Swarmdrop.Groups.class,
            Swarmdrop.LanCommand.class,
            Swarmdrop.Ls.class,
            Swarmdrop.Get.class,
            Swarmdrop.Publish.class,
            Swarmdrop.Transfers.class,
            Swarmdrop.Enrol.class,
            Swarmdrop.Logs.class
        })
public final class Swarmdrop {

    static final int NOT_RUNNING = 3;
    static final int REFUSED = 4;
    static final int NOT_FOUND = 5;
    static final int NO_SUPERNODE = 6;

    @Option(
            names = "--root",
            scope = CommandLine.ScopeType.INHERIT,
            description =
                    "The daemon's root folder (default: $SWARMDROP_ROOT, else the installed service's, else ~/Swarmdrop).")
    Path root;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        var line = new CommandLine(new Swarmdrop());
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof CliException failure) {
                cmd.getErr().println("swarmdrop: " + failure.getMessage());
                return failure.exitCode();
            }
            cmd.getErr().println("swarmdrop: " + e);
            return 1;
        });
        return line.execute(args);
    }

    LocalDaemon daemon() {
        Path folder = root;
        if (folder == null) {
            String env = System.getenv("SWARMDROP_ROOT");
            // Installers set the service's root (the .deb: /var/lib/swarmdrop) in the launcher.
            String installed = System.getProperty("swarmdrop.cli.default-root");
            folder = env != null
                    ? Path.of(env)
                    : installed != null ? Path.of(installed) : Path.of(System.getProperty("user.home"), "Swarmdrop");
        }
        return LocalDaemon.at(folder);
    }

    abstract static class Sub implements Callable<Integer> {
        @CommandLine.ParentCommand
        Swarmdrop top;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "status", description = "The daemon's link: user, device, zone, supernode, groups.")
    static final class Status extends Sub {
        @Override
        public Integer call() {
            JsonNode s = top.daemon().get("local/status");
            out().printf("user:       %s%n", s.path("user").asText("(not enrolled)"));
            out().printf("device:     %s%n", s.path("device").asText("-"));
            out().printf("zone:       %s%n", s.path("zone").asText("-"));
            out().printf(
                            "supernode:  %s (%s)%n",
                            s.path("supernode").asText("-"),
                            s.path("connected").asBoolean() ? "connected" : "not connected");
            out().printf("groups:     %s%n", join(s.path("groups")));
            out().printf("upnp:       %s%n", upnp(s.path("upnp")));
            JsonNode lan = s.path("lan");
            out().printf(
                            "lan:        %s mode, local groups %s, %d daemons heard%n",
                            lan.path("mode").asText("OFF").toLowerCase(java.util.Locale.ROOT),
                            join(lan.path("groups")),
                            lan.path("peers").size());
            out().printf("transfers:  %d%n", s.path("transfers").size());
            return s.path("connected").asBoolean() ? 0 : NO_SUPERNODE;
        }
    }

    /** One line about the router mapping: "mapped on <router> as <address>:<port>", or why not. */
    static String upnp(JsonNode upnp) {
        String state = upnp.path("state").asText("OFF");
        return switch (state) {
            case "MAPPED" ->
                "port %d mapped on %s (external address %s, lease %s)"
                        .formatted(
                                upnp.path("port").asInt(),
                                upnp.path("gateway").asText(),
                                upnp.path("externalAddress").asText("unknown"),
                                upnp.path("leaseSeconds").asLong() == 0
                                        ? "permanent"
                                        : upnp.path("leaseSeconds").asLong() + " s");
            case "SEARCHING" ->
                "looking for a router (port %d)".formatted(upnp.path("port").asInt());
            default ->
                state.toLowerCase(java.util.Locale.ROOT)
                        + (upnp.hasNonNull("problem")
                                ? ": " + upnp.path("problem").asText()
                                : "");
        };
    }

    @Command(
            name = "lan",
            description = "LAN mode: the daemons on this network, heard without supernodes.",
            subcommands = {Swarmdrop.LanPeers.class})
    static final class LanCommand {}

    @Command(
            name = "peers",
            description = "The daemons heard on the LAN in the last seconds: device, user, address, port.")
    static final class LanPeers implements Callable<Integer> {
        @CommandLine.ParentCommand
        LanCommand lan;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Swarmdrop top = (Swarmdrop) spec.parent().parent().userObject();
            JsonNode status = top.daemon().get("local/status").path("lan");
            PrintWriter out = spec.commandLine().getOut();
            out.printf("mode: %s%n", status.path("mode").asText("OFF").toLowerCase(java.util.Locale.ROOT));
            for (JsonNode peer : status.path("peers")) {
                out.printf(
                        "%-24s %-16s %s:%d%n",
                        peer.path("device").asText(),
                        peer.path("user").asText("-"),
                        peer.path("address").asText(),
                        peer.path("torrentPort").asInt());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "groups", description = "The groups of this device's user, one per line.")
    static final class Groups extends Sub {
        @Override
        public Integer call() {
            for (JsonNode group : top.daemon().get("local/status").path("groups")) {
                out().println(group.asText());
            }
            return 0;
        }
    }

    @Command(name = "ls", description = "Publications in your groups, newest first, by id.")
    static final class Ls extends Sub {
        @Option(
                names = {"-g", "--group"},
                description = "Only this group.")
        String group;

        @Override
        public Integer call() {
            out().printf("%-20s  %-12s  %12s  %-9s  %-12s  %s%n", "ID", "GROUP", "BYTES", "STATE", "HERE", "NAME");
            for (JsonNode listed : top.daemon().get("local/publications")) {
                JsonNode p = listed.path("publication");
                if (group != null && !group.equals(p.path("group").asText())) {
                    continue;
                }
                out().printf(
                                "%-20s  %-12s  %12d  %-9s  %-12s  %s%n",
                                p.path("id").asText(),
                                p.path("group").asText(),
                                p.path("size").asLong(),
                                p.path("state").asText().toLowerCase(),
                                listed.path("local").asText(),
                                p.path("name").asText());
            }
            return 0;
        }
    }

    @Command(name = "get", description = "Fetch a publication again (for example after deleting it from the inbox).")
    static final class Get extends Sub {
        @Parameters(paramLabel = "ID", description = "The publication's id (see ls).")
        String id;

        @Option(names = "--wait", description = "Show the transfer and wait until the file is in the inbox.")
        boolean wait;

        @Option(
                names = "--timeout",
                defaultValue = "PT1H",
                description = "How long --wait waits (ISO-8601, default PT1H).")
        Duration timeout;

        @Override
        public Integer call() throws InterruptedException {
            LocalDaemon daemon = top.daemon();
            JsonNode listed = daemon.post("local/fetch/" + id, Map.of());
            out().printf(
                            "fetching %s (%s)%n",
                            listed.path("publication").path("name").asText(), id);
            if (wait) {
                return new Watch(daemon, out()).untilDelivered(id, Instant.now().plus(timeout));
            }
            return 0;
        }
    }

    @Command(name = "publish", description = "Publish a file to a group (a copy goes into the group's outbox).")
    static final class Publish extends Sub {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(
                names = {"-g", "--group"},
                required = true)
        String group;

        @Option(names = "--wait", description = "Wait until the supernode accepted or refused it.")
        boolean wait;

        @Override
        public Integer call() throws InterruptedException {
            LocalDaemon daemon = top.daemon();
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new CliException(REFUSED, "cannot read " + file + ": no such file, or not yours to read");
            }
            JsonNode published = daemon.postFile(
                    "local/publish",
                    "group=" + URLEncoder.encode(group, StandardCharsets.UTF_8) + "&name="
                            + URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8),
                    file);
            String name = published.path("name").asText();
            out().printf("%s is in the outbox of %s%n", name, group);
            if (!wait) {
                return 0;
            }
            Instant until = Instant.now().plus(Duration.ofMinutes(10));
            while (Instant.now().isBefore(until)) {
                for (JsonNode entry : daemon.get("local/status").path("outbox")) {
                    if (entry.path("group").asText().equals(group)
                            && entry.path("name").asText().equals(name)) {
                        if (entry.path("state").asText().equals("REFUSED")) {
                            throw new CliException(
                                    REFUSED, "refused: " + entry.path("message").asText());
                        }
                        out().printf(
                                        "published as %s%n",
                                        entry.path("publicationId").asText());
                        return 0;
                    }
                }
                Thread.sleep(250);
            }
            throw new CliException(1, "not published within ten minutes; see swarmdrop logs");
        }
    }

    @Command(name = "transfers", description = "Every transfer with its progress; --watch draws live progress bars.")
    static final class Transfers extends Sub {
        @Option(names = "--watch", description = "Redraw until every transfer has finished.")
        boolean watch;

        @Override
        public Integer call() throws InterruptedException {
            LocalDaemon daemon = top.daemon();
            if (watch) {
                return new Watch(daemon, out()).untilAllFinished();
            }
            out().printf("%-20s  %6s  %12s  %12s  %5s  %s%n", "ID", "DONE", "DOWN B/S", "UP B/S", "PEERS", "NAME");
            JsonNode status = daemon.get("local/status");
            for (JsonNode h : status.path("hashing")) {
                out().printf(
                                "%-20s  %5.1f%%  %12s  %12s  %5s  %s (group %s)%n",
                                "(hashing)",
                                h.path("progress").asDouble() * 100,
                                "-",
                                "-",
                                "-",
                                h.path("name").asText(),
                                h.path("group").asText());
            }
            for (JsonNode t : status.path("transfers")) {
                out().printf(
                                "%-20s  %5.1f%%  %12d  %12d  %5d  %s%n",
                                t.path("key").asText(),
                                t.path("progress").asDouble() * 100,
                                t.path("downloadRate").asLong(),
                                t.path("uploadRate").asLong(),
                                t.path("peers").asInt(),
                                t.path("name").asText());
            }
            return 0;
        }
    }

    @Command(name = "enrol", description = "Enrol this device as a user (the password is read from standard input).")
    static final class Enrol extends Sub {
        @Option(
                names = {"-u", "--user"},
                required = true)
        String user;

        @Option(names = "--device-name", description = "Name to enrol under (default: the host name).")
        String deviceName;

        @Override
        public Integer call() throws Exception {
            char[] typed = System.console() == null ? null : System.console().readPassword("Password for %s: ", user);
            String password = typed != null
                    ? new String(typed)
                    : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (password == null || password.isEmpty()) {
                throw new CliException(REFUSED, "no password given");
            }
            var body = new LinkedHashMap<String, String>();
            body.put("user", user);
            body.put("password", password);
            if (deviceName != null) {
                body.put("deviceName", deviceName);
            }
            top.daemon().post("local/enrol", body);
            out().printf("enrolled as %s%n", user);
            return 0;
        }
    }

    @Command(name = "logs", description = "The daemon's recent log lines.")
    static final class Logs extends Sub {
        @Option(
                names = {"-n", "--lines"},
                defaultValue = "100")
        int lines;

        @Override
        public Integer call() {
            out().print(top.daemon().text("local/logs?lines=" + lines));
            out().flush();
            return 0;
        }
    }

    /** Live progress bars for the daemon's transfers, one per transfer. */
    static final class Watch {
        private final LocalDaemon daemon;
        private final PrintWriter out;
        private final Map<String, ProgressBar> bars = new LinkedHashMap<>();

        Watch(LocalDaemon daemon, PrintWriter out) {
            this.daemon = daemon;
            this.out = out;
        }

        int untilAllFinished() throws InterruptedException {
            try {
                while (true) {
                    JsonNode status = daemon.get("local/status");
                    boolean allDone = status.path("hashing").isEmpty();
                    for (JsonNode h : status.path("hashing")) {
                        long size = h.path("size").asLong();
                        bar(
                                        "hashing " + h.path("group").asText() + "/"
                                                + h.path("name").asText(),
                                        "hashing " + h.path("name").asText(),
                                        size)
                                .stepTo((long) (h.path("progress").asDouble() * size));
                    }
                    Set<String> listed = new HashSet<>();
                    for (JsonNode t : status.path("transfers")) {
                        update(t);
                        listed.add(t.path("key").asText());
                        allDone &= t.path("finished").asBoolean();
                    }
                    allDone &= completeDelivered(status, listed);
                    if (allDone) {
                        return 0;
                    }
                    Thread.sleep(500);
                }
            } finally {
                bars.values().forEach(ProgressBar::close);
            }
        }

        int untilDelivered(String id, Instant deadline) throws InterruptedException {
            try {
                while (Instant.now().isBefore(deadline)) {
                    JsonNode status = daemon.get("local/status");
                    for (JsonNode t : status.path("transfers")) {
                        if (t.path("key").asText().equals(id)) {
                            update(t);
                        }
                    }
                    for (JsonNode d : status.path("deliveries")) {
                        if (d.path("publicationId").asText().equals(id)) {
                            String state = d.path("state").asText();
                            if (state.equals("DELIVERED") || state.equals("ACKNOWLEDGED")) {
                                bars.values().forEach(ProgressBar::close);
                                out.printf("delivered to %s%n", d.path("path").asText());
                                return 0;
                            }
                            if (state.equals("REJECTED")) {
                                throw new CliException(
                                        REFUSED, "refused: " + d.path("message").asText());
                            }
                        }
                    }
                    Thread.sleep(500);
                }
                throw new CliException(1, "not delivered in time; see swarmdrop transfers and swarmdrop logs");
            } finally {
                bars.values().forEach(ProgressBar::close);
            }
        }

        private void update(JsonNode t) {
            long wanted = t.path("totalWanted").asLong();
            // libtorrent may call a download finished while its byte count still lags the last
            // piece; the bar then stopped at 99% for a transfer that was complete.
            long done = t.path("finished").asBoolean()
                    ? wanted
                    : t.path("totalDone").asLong();
            bar(t.path("key").asText(), t.path("name").asText(), wanted).stepTo(done);
        }

        /**
         * Fills the bar of a transfer that left the list between two polls because it was delivered
         * (the daemon retires finished fetches), so its last drawn line is not a stale percentage.
         * False while a bar's transfer has left the list but its delivery still says FETCHING: the
         * status was read between the two steps (a clean-clone run saw the bars close at 83%), so poll again.
         */
        private boolean completeDelivered(JsonNode status, Set<String> listed) {
            boolean settled = true;
            for (JsonNode d : status.path("deliveries")) {
                String id = d.path("publicationId").asText();
                String state = d.path("state").asText();
                ProgressBar bar = bars.get(id);
                if (bar != null
                        && !listed.contains(id)
                        && (state.equals("DELIVERED") || state.equals("ACKNOWLEDGED"))) {
                    bar.stepTo(bar.getMax());
                } else if (bar != null && !listed.contains(id) && state.equals("FETCHING")) {
                    settled = false;
                }
            }
            return settled;
        }

        private ProgressBar bar(String key, String name, long max) {
            return bars.computeIfAbsent(key, k -> new ProgressBarBuilder()
                    .setTaskName(name)
                    .setInitialMax(Math.max(1, max))
                    .setUnit(" MiB", 1 << 20)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(
                            new java.io.PrintStream(new WriterStream(out), true, StandardCharsets.UTF_8)))
                    .build());
        }
    }

    /** Lets the progress bar library write to picocli's output writer. */
    private static final class WriterStream extends java.io.OutputStream {
        private final PrintWriter out;

        WriterStream(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            out.write(b);
        }

        @Override
        public void flush() {
            out.flush();
        }
    }

    private static String join(JsonNode array) {
        var parts = new java.util.ArrayList<String>();
        array.forEach(n -> parts.add(n.asText()));
        return parts.isEmpty() ? "(none)" : String.join(", ", parts);
    }
}
