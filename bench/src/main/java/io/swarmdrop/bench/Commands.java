package io.swarmdrop.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs OS commands: several at once for a baseline, timed from the first start to the last exit. */
final class Commands {

    private Commands() {}

    /**
     * A process builder without the benchmark JVM's {@code LD_PRELOAD} (libjsig, which libtorrent needs
     * in a JVM): the baselines run as they would on their own.
     */
    static ProcessBuilder plain(String... command) {
        var builder = new ProcessBuilder(command);
        builder.environment().remove("LD_PRELOAD");
        return builder;
    }

    /** Starts every command, waits for all, and returns the wall time in seconds; fails on any non-zero exit. */
    static double timeAll(List<List<String>> commands) throws IOException, InterruptedException {
        var processes = new ArrayList<Process>();
        long start = System.nanoTime();
        for (List<String> command : commands) {
            processes.add(plain(command.toArray(String[]::new))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start());
        }
        for (int i = 0; i < processes.size(); i++) {
            Process process = processes.get(i);
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("failed: " + String.join(" ", commands.get(i)));
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Runs one command and returns what it printed; fails on a non-zero exit. */
    static String run(String... command) throws IOException, InterruptedException {
        Process process = plain(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
