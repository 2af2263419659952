package io.swarmdrop.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import io.swarmdrop.core.api.LocalCommands;
import io.swarmdrop.core.api.LocalStatus;
import io.swarmdrop.core.api.PublicationView;
import io.swarmdrop.core.api.TransferStatus;
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
import java.util.List;
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

    @Command(
            name = "status",
            description = "The daemon's link (user, device, zone, supernode, groups) and any file refused.")
    static final class Status extends Sub {
        @Override
        public Integer call() {
            LocalStatus s = top.daemon().status();
            out().printf("user:       %s%n", orElse(s.user(), "(not enrolled)"));
            out().printf("device:     %s%n", orElse(s.device(), "-"));
            out().printf("zone:       %s%n", orElse(s.zone(), "-"));
            out().printf(
                            "supernode:  %s (%s)%n",
                            orElse(s.supernode(), "-"), s.connected() ? "connected" : "not connected");
            out().printf("groups:     %s%n", join(s.groups()));
            out().printf("upnp:       %s%n", upnp(s.upnp()));
            LocalStatus.Lan lan = s.lan();
            out().printf(
                            "lan:        %s mode, local groups %s, %d daemons heard%n",
                            orElse(lan.mode(), "OFF").toLowerCase(java.util.Locale.ROOT),
                            join(lan.groups()),
                            lan.peers().size());
            out().printf("transfers:  %d%n", s.transfers().size());
            // What will not move on its own: files the outbox could not publish, publications the
            // inbox turned away. Each reason was logged once; here it stays while it holds.
            for (LocalStatus.OutboxEntry entry : s.outbox()) {
                if (entry.state().equals("REFUSED")) {
                    out().printf("refused:   %s/%s: %s%n", entry.group(), entry.name(), entry.message());
                }
            }
            for (LocalStatus.Delivery delivery : s.deliveries()) {
                if (delivery.state().equals("FETCHING") && delivery.message() != null) {
                    out().printf("waiting:   %s/%s: %s%n", delivery.group(), delivery.name(), delivery.message());
                }
                if (delivery.state().equals("REJECTED")) {
                    out().printf(
                                    "rejected:  %s/%s (%s): %s%n",
                                    delivery.group(), delivery.name(), delivery.publicationId(), delivery.message());
                }
            }
            return s.connected() ? 0 : NO_SUPERNODE;
        }
    }

    /** One line about the router mapping: "mapped on <router> as <address>:<port>", or why not. */
    static String upnp(LocalStatus.Upnp upnp) {
        LocalStatus.Upnp.State state = upnp.state() == null ? LocalStatus.Upnp.State.OFF : upnp.state();
        return switch (state) {
            case MAPPED ->
                "port %d mapped on %s (external address %s, lease %s)"
                        .formatted(
                                upnp.port(),
                                upnp.gateway(),
                                orElse(upnp.externalAddress(), "unknown"),
                                upnp.leaseSeconds() == 0 ? "permanent" : upnp.leaseSeconds() + " s");
            case SEARCHING -> "looking for a router (port %d)".formatted(upnp.port());
            default ->
                state.name().toLowerCase(java.util.Locale.ROOT) + (upnp.problem() != null ? ": " + upnp.problem() : "");
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
            LocalStatus.Lan status = top.daemon().status().lan();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("mode: %s%n", orElse(status.mode(), "OFF").toLowerCase(java.util.Locale.ROOT));
            for (LocalStatus.LanPeer peer : status.peers()) {
                out.printf(
                        "%-24s %-16s %s:%d%n",
                        peer.device(), orElse(peer.user(), "-"), peer.address(), peer.torrentPort());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "groups", description = "The groups of this device's user, one per line.")
    static final class Groups extends Sub {
        @Override
        public Integer call() {
            top.daemon().status().groups().forEach(out()::println);
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
            List<LocalCommands.Listed> all = top.daemon().get("local/publications", new TypeReference<>() {});
            for (LocalCommands.Listed listed : all) {
                PublicationView p = listed.publication();
                if (group != null && !group.equals(p.group())) {
                    continue;
                }
                out().printf(
                                "%-20s  %-12s  %12d  %-9s  %-12s  %s%n",
                                p.id(), p.group(), p.size(), p.state().toLowerCase(), listed.local(), p.name());
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
            LocalCommands.Listed listed = daemon.post("local/fetch/" + id, Map.of(), new TypeReference<>() {});
            out().printf("fetching %s (%s)%n", listed.publication().name(), id);
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
            LocalCommands.Published published = daemon.postFile(
                    "local/publish",
                    "group=" + URLEncoder.encode(group, StandardCharsets.UTF_8) + "&name="
                            + URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8),
                    file);
            String name = published.name();
            out().printf("%s is in the outbox of %s%n", name, group);
            if (!wait) {
                return 0;
            }
            Instant until = Instant.now().plus(Duration.ofMinutes(10));
            while (Instant.now().isBefore(until)) {
                for (LocalStatus.OutboxEntry entry : daemon.status().outbox()) {
                    if (entry.group().equals(group) && entry.name().equals(name)) {
                        if (entry.state().equals("REFUSED")) {
                            throw new CliException(REFUSED, "refused: " + entry.message());
                        }
                        out().printf("published as %s%n", entry.publicationId());
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
            LocalStatus status = daemon.status();
            for (LocalStatus.Hashing h : status.hashing()) {
                out().printf(
                                "%-20s  %5.1f%%  %12s  %12s  %5s  %s (group %s)%n",
                                "(hashing)", h.progress() * 100, "-", "-", "-", h.name(), h.group());
            }
            for (TransferStatus t : status.transfers()) {
                out().printf(
                                "%-20s  %5.1f%%  %12d  %12d  %5d  %s%n",
                                t.key(), t.progress() * 100, t.downloadRate(), t.uploadRate(), t.peers(), t.name());
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
            top.daemon()
                    .post(
                            "local/enrol",
                            new LocalCommands.Enrol(user, password, deviceName),
                            new TypeReference<Void>() {});
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
                    LocalStatus status = daemon.status();
                    boolean allDone = status.hashing().isEmpty();
                    for (LocalStatus.Hashing h : status.hashing()) {
                        bar("hashing " + h.group() + "/" + h.name(), "hashing " + h.name(), h.size())
                                .stepTo((long) (h.progress() * h.size()));
                    }
                    Set<String> listed = new HashSet<>();
                    for (TransferStatus t : status.transfers()) {
                        update(t);
                        listed.add(t.key());
                        allDone &= t.finished();
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
                    LocalStatus status = daemon.status();
                    for (TransferStatus t : status.transfers()) {
                        if (t.key().equals(id)) {
                            update(t);
                        }
                    }
                    for (LocalStatus.Delivery d : status.deliveries()) {
                        if (d.publicationId().equals(id)) {
                            if (d.isDelivered()) {
                                bars.values().forEach(ProgressBar::close);
                                out.printf("delivered to %s%n", d.path());
                                return 0;
                            }
                            if (d.state().equals("REJECTED")) {
                                throw new CliException(REFUSED, "refused: " + d.message());
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

        private void update(TransferStatus t) {
            long wanted = t.totalWanted();
            // libtorrent may call a download finished while its byte count still lags the last
            // piece; the bar then stopped at 99% for a transfer that was complete.
            long done = t.finished() ? wanted : t.totalDone();
            bar(t.key(), t.name(), wanted).stepTo(done);
        }

        /**
         * Fills the bar of a transfer that left the list between two polls because it was delivered
         * (the daemon retires finished fetches), so its last drawn line is not a stale percentage.
         * False while a bar's transfer has left the list but its delivery still says FETCHING: the
         * status was read between the two steps (a clean-clone run saw the bars close at 83%), so poll again.
         */
        private boolean completeDelivered(LocalStatus status, Set<String> listed) {
            boolean settled = true;
            for (LocalStatus.Delivery d : status.deliveries()) {
                String id = d.publicationId();
                ProgressBar bar = bars.get(id);
                if (bar != null && !listed.contains(id) && d.isDelivered()) {
                    bar.stepTo(bar.getMax());
                } else if (bar != null && !listed.contains(id) && d.state().equals("FETCHING")) {
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

    private static String join(java.util.Collection<String> values) {
        return values == null || values.isEmpty() ? "(none)" : String.join(", ", values);
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
