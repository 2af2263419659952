package io.swarmdrop.installers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.swarmdrop.testing.FreePorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, item 1: the .deb the build made, inspected with {@code dpkg-deb}, its unit checked by
 * {@code systemd-analyze}, and both launchers of the package run for real from an extraction.
 */
class DebPackageIT {

    private static Path deb;

    @TempDir
    static Path extracted;

    private record Run(int exit, String out) {}

    @BeforeAll
    static void extract() throws Exception {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("swarmdrop.deb-folder")))) {
            deb = files.filter(f -> f.getFileName().toString().matches("swarmdrop_.*_amd64\\.deb"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the build made no swarmdrop_*_amd64.deb"));
        }
        assertThat(run("dpkg-deb", "-x", deb.toString(), extracted.toString()).exit())
                .isZero();
        assertThat(run(
                                "dpkg-deb",
                                "-e",
                                deb.toString(),
                                extracted.resolve("DEBIAN").toString())
                        .exit())
                .isZero();
    }

    @Test
    void theControlFileDescribesTheServicePackage() throws Exception {
        Run info = run("dpkg-deb", "--info", deb.toString());
        assertThat(info.exit()).isZero();
        assertThat(info.out())
                .contains("Package: swarmdrop")
                .contains("Version: 0.1.0~SNAPSHOT")
                .contains("Architecture: amd64")
                .contains("Depends: adduser")
                .containsPattern("Installed-Size: \\d+")
                .contains("conffiles", "postinst", "prerm", "postrm");
        assertThat(Files.readString(extracted.resolve("DEBIAN/conffiles")).strip())
                .isEqualTo("/etc/swarmdrop/daemon.properties");
        for (String script : List.of("postinst", "prerm", "postrm")) {
            assertThat(run(
                                    "sh",
                                    "-n",
                                    extracted.resolve("DEBIAN").resolve(script).toString())
                            .exit())
                    .as(script + " is valid sh")
                    .isZero();
        }
        String postinst = Files.readString(extracted.resolve("DEBIAN/postinst"));
        assertThat(postinst).contains("adduser --system --group").contains("systemctl enable swarmdrop-daemon.service");
        // Removal keeps the user's files: no script deletes the state folder.
        for (String script : List.of("prerm", "postrm")) {
            assertThat(Files.readString(extracted.resolve("DEBIAN").resolve(script)))
                    .doesNotContainPattern("rm [^\\n]*/var/lib/swarmdrop");
        }
    }

    @Test
    void itInstallsTheAppImageTheUnitTheConfigAndTheCommand() throws Exception {
        Run contents = run("dpkg-deb", "--contents", deb.toString());
        assertThat(contents.exit()).isZero();
        assertThat(contents.out())
                .contains("./opt/swarmdrop/bin/swarmdrop-daemon")
                .contains("./opt/swarmdrop/bin/swarmdrop\n")
                .contains("./opt/swarmdrop/lib/runtime/lib/libjsig.so")
                .contains("./opt/swarmdrop/lib/app/quarkus-run.jar")
                .contains("./opt/swarmdrop/lib/app/swarmdrop-cli.jar")
                .contains("./lib/systemd/system/swarmdrop-daemon.service")
                .containsPattern("-rw-r----- root/root +\\d+ [-0-9: ]+\\./etc/swarmdrop/daemon\\.properties")
                .contains("./usr/bin/swarmdrop -> /opt/swarmdrop/bin/swarmdrop");
        // The daemon's launcher runs with daemon/jvm.options; the command's keeps its own options.
        assertThat(Files.readString(extracted.resolve("opt/swarmdrop/lib/app/swarmdrop-daemon.cfg")))
                .contains("java-options=-XX:+UseSerialGC")
                .contains("java-options=-Xmx256m");
        assertThat(Files.readString(extracted.resolve("opt/swarmdrop/lib/app/swarmdrop.cfg")))
                .doesNotContain("UseSerialGC");
    }

    @Test
    void theUnitPassesSystemdAnalyze() throws Exception {
        Path unit = extracted.resolve("lib/systemd/system/swarmdrop-daemon.service");
        String text = Files.readString(unit);
        assertThat(text)
                .contains("User=swarmdrop")
                .contains("Restart=on-failure")
                .contains("RestartPreventExitStatus=78")
                .contains("ProtectSystem=strict")
                .contains("NoNewPrivileges=yes")
                .contains("Environment=LD_PRELOAD=/opt/swarmdrop/lib/runtime/lib/libjsig.so");
        if (!Files.isExecutable(Path.of("/usr/bin/systemd-analyze"))) {
            System.err.println("systemd-analyze is not installed: the unit was checked by content only");
            return;
        }
        // verify checks that ExecStart exists: point the unit at the extracted package.
        Path relocated = extracted.resolve("relocated/swarmdrop-daemon.service");
        Files.createDirectories(relocated.getParent());
        Files.writeString(
                relocated,
                text.replace(
                        "/opt/swarmdrop", extracted.resolve("opt/swarmdrop").toString()));
        Run verify = run("systemd-analyze", "verify", relocated.toString());
        assertThat(verify.exit()).isZero();
        assertThat(verify.out())
                .as("no warnings: an unknown key is only a warning")
                .isEmpty();

        Run security = run("systemd-analyze", "security", "--offline=yes", relocated.toString());
        assertThat(security.out()).containsPattern("Overall exposure level for swarmdrop-daemon.service: [0-3]\\.\\d");
    }

    @Test
    void thePackagedDaemonRunsOnItsBundledRuntimeAndThePackagedCommandTalksToIt() throws Exception {
        Path app = extracted.resolve("opt/swarmdrop");
        Path root = extracted.resolve("root");
        Path config = Files.writeString(
                extracted.resolve("daemon.properties"),
                "supernodes = http://127.0.0.1:" + FreePorts.next() + "\nroot = " + root + "\nupnp = off\n"
                        + "listen-port = " + FreePorts.next() + "\n");
        Path log = extracted.resolve("daemon.log");
        var builder = new ProcessBuilder(app.resolve("bin/swarmdrop-daemon").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment()
                .put("LD_PRELOAD", app.resolve("lib/runtime/lib/libjsig.so").toString());
        builder.environment().put("SWARMDROP_DAEMON_CONFIG_FILE", config.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(FreePorts.next()));
        Process daemon = builder.start();
        try {
            await("the packaged daemon writes its local API file")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> Files.exists(root.resolve(".swarmdrop/local-api")) || !daemon.isAlive());
            assertThat(daemon.isAlive())
                    .as("daemon running; its log:\n%s", read(log))
                    .isTrue();

            Run status = run(app.resolve("bin/swarmdrop").toString(), "--root", root.toString(), "status");
            assertThat(status.exit())
                    .as("6: no supernode answers; it printed:\n%s", status.out())
                    .isEqualTo(6);
            assertThat(status.out()).contains("not connected").contains("upnp:       off");
        } finally {
            daemon.destroy();
            assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        // A bad config file: exit 78, which the unit does not restart on, and the key named.
        Files.writeString(config, "listen-port = 80\n");
        Process misconfigured = builder.start();
        assertThat(misconfigured.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(misconfigured.exitValue()).isEqualTo(78);
        assertThat(read(log)).contains("line 1, key 'listen-port': 80 is not a port from 1024 to 65535");
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static Run run(String... command) throws Exception {
        var process = new ProcessBuilder(new ArrayList<>(List.of(command)))
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), out);
    }
}
