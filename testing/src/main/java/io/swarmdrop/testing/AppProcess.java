package io.swarmdrop.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A packaged Swarmdrop app (a Quarkus {@code quarkus-run.jar}) running as its own OS process, with
 * its output in a log file. Started with the libjsig preload every libtorrent JVM needs.
 */
public final class AppProcess implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AppProcess.class);

    private final String name;
    private final Path jar;
    private final Map<String, String> properties;
    private final Path log;
    private final Network.Host host;
    private Process process;

    public AppProcess(String name, Path jar, Map<String, String> properties, Path log) {
        this(name, jar, properties, log, null);
    }

    /** An app that runs on {@code host} (a network namespace), or on this host when it is null. */
    public AppProcess(String name, Path jar, Map<String, String> properties, Path log, Network.Host host) {
        this.name = name;
        this.jar = jar;
        this.properties = Map.copyOf(properties);
        this.log = log;
        this.host = host;
    }

    public AppProcess start() throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the apps first (./mvnw package)");
        }
        Path javaHome = Path.of(System.getProperty("java.home"));
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin/java").toString());
        command.addAll(jvmOptions(jar));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        Files.createDirectories(log.getParent());
        // ip netns exec replaces itself with the command, so the process is the JVM and kill() hits it.
        var builder = new ProcessBuilder(host == null ? command : host.command(command))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment()
                .put("LD_PRELOAD", javaHome.resolve("lib/libjsig.so").toString());
        process = builder.start();
        LOG.infof("started %s (pid %d)%s, log %s", name, process.pid(), host == null ? "" : " on " + host, log);
        return this;
    }

    /**
     * The options in the app module's {@code jvm.options} (the daemon ships with its own), or a
     * 512 MiB heap limit. The jar is {@code <module>/target/quarkus-app/quarkus-run.jar}.
     */
    static List<String> jvmOptions(Path jar) throws IOException {
        Path file = jar.toAbsolutePath().getParent().getParent().getParent().resolve("jvm.options");
        if (!Files.isRegularFile(file)) {
            return List.of("-Xmx512m");
        }
        return Files.readAllLines(file).stream()
                .map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    /** The OS process id (for reading its resident memory from /proc, say). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The exit code once the process has ended; throws while it runs. */
    public int exitCode() {
        return process.exitValue();
    }

    public Path log() {
        return log;
    }

    /** SIGKILL: no shutdown hooks run, exactly like a crash or a power cut. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM, then SIGKILL if it has not stopped within 30 seconds. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                LOG.warnf("%s did not stop within 30 s; killing it", name);
                kill();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
