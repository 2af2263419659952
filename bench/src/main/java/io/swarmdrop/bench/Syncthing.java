package io.swarmdrop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swarmdrop.testing.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The same fan-out with Syncthing from the distribution's package: one instance shares a
 * send-only folder {@code n<k>} with the first k of the receiving instances (receive-only), as
 * Swarmdrop's groups do. Instances find each other by static loopback addresses: local discovery
 * would have every instance of this one host bind the same discovery port.
 */
final class Syncthing implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Instance(String name, Path home, String id, int port, int guiPort, String apiKey) {}

    private final Path work;
    private final List<Instance> instances = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    Syncthing(Path work, int receivers, List<Integer> widths) throws IOException, InterruptedException {
        this.work = work;
        for (int i = 0; i <= receivers; i++) {
            String name = i == 0 ? "sender" : "r" + i;
            Path home = work.resolve(name).resolve("home");
            Commands.run("syncthing", "generate", "--home=" + home, "--no-default-folder", "--skip-port-probing");
            String id = Commands.run("syncthing", "serve", "--home=" + home, "--device-id")
                    .strip();
            instances.add(new Instance(
                    name,
                    home,
                    id,
                    FreePorts.next(),
                    FreePorts.next(),
                    UUID.randomUUID().toString()));
        }
        for (int i = 0; i <= receivers; i++) {
            Files.writeString(instances.get(i).home().resolve("config.xml"), config(i, widths));
        }
        for (Instance instance : instances) {
            var builder = Commands.plain(
                            "syncthing",
                            "serve",
                            "--home=" + instance.home(),
                            "--no-browser",
                            "--no-restart",
                            "--logflags=3")
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve(instance.name() + ".log").toFile());
            builder.environment().put("STNOUPGRADE", "1");
            processes.add(builder.start());
        }
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (connectedToSender() < receivers) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Syncthing instances did not connect in 2 minutes; see " + work);
            }
            Thread.sleep(250);
        }
    }

    private Path folder(int instance, int width) {
        return work.resolve(instances.get(instance).name()).resolve("n" + width);
    }

    private String config(int self, List<Integer> widths) throws IOException {
        var xml = new StringBuilder("<configuration version=\"36\">\n");
        for (int width : widths) {
            if (self > width) {
                continue;
            }
            Path path = Files.createDirectories(folder(self, width));
            Files.createDirectories(path.resolve(".stfolder"));
            xml.append(String.format(
                    "  <folder id=\"n%d\" label=\"n%d\" path=\"%s\" type=\"%s\" rescanIntervalS=\"3600\""
                            + " fsWatcherEnabled=\"true\" fsWatcherDelayS=\"1\">%n",
                    width, width, path, self == 0 ? "sendonly" : "receiveonly"));
            for (int i = 0; i <= width; i++) {
                if (self == 0 || i == 0 || i == self) {
                    xml.append(String.format(
                            "    <device id=\"%s\"></device>%n",
                            instances.get(i).id()));
                }
            }
            xml.append("    <minDiskFree unit=\"%\">0</minDiskFree>\n  </folder>\n");
        }
        for (Instance instance : instances) {
            xml.append(String.format(
                    "  <device id=\"%s\" name=\"%s\" compression=\"never\"><address>tcp://127.0.0.1:%d</address></device>%n",
                    instance.id(), instance.name(), instance.port()));
        }
        Instance me = instances.get(self);
        xml.append(String.format(
                """
                  <gui enabled="true" tls="false"><address>127.0.0.1:%d</address><apikey>%s</apikey></gui>
                  <options>
                    <listenAddress>tcp://127.0.0.1:%d</listenAddress>
                    <globalAnnounceEnabled>false</globalAnnounceEnabled>
                    <localAnnounceEnabled>false</localAnnounceEnabled>
                    <relaysEnabled>false</relaysEnabled>
                    <natEnabled>false</natEnabled>
                    <startBrowser>false</startBrowser>
                    <urAccepted>-1</urAccepted>
                    <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
                    <crashReportingEnabled>false</crashReportingEnabled>
                    <setLowPriority>false</setLowPriority>
                    <minHomeDiskFree unit="%%">0</minHomeDiskFree>
                  </options>
                </configuration>
                """,
                me.guiPort(), me.apiKey(), me.port()));
        return xml.toString();
    }

    private int connectedToSender() {
        try {
            JsonNode connections =
                    api(instances.get(0), "/rest/system/connections").path("connections");
            int connected = 0;
            for (int i = 1; i < instances.size(); i++) {
                if (connections.path(instances.get(i).id()).path("connected").asBoolean()) {
                    connected++;
                }
            }
            return connected;
        } catch (IOException e) {
            return 0; // Not answering yet.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static JsonNode api(Instance instance, String path) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.guiPort() + path))
                .header("X-API-Key", instance.apiKey())
                .timeout(Duration.ofSeconds(5))
                .build();
        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException(path + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    /**
     * Moves {@code source} into the sender's folder {@code n<width>} and returns the seconds until
     * the first {@code width} receivers have it under its name (Syncthing writes a temporary file
     * and renames it once every block is verified). The file is then deleted everywhere.
     */
    double fanOut(int width, Path source) throws IOException, InterruptedException {
        String name = source.getFileName().toString();
        Path staged = work.resolve(name + ".staged");
        Files.copy(source, staged, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staged, folder(0, width).resolve(name), StandardCopyOption.ATOMIC_MOVE);
        long start = System.nanoTime();
        long size = Files.size(source);
        boolean[] arrived = new boolean[width + 1];
        int remaining = width;
        while (remaining > 0) {
            for (int i = 1; i <= width; i++) {
                Path copy = folder(i, width).resolve(name);
                if (!arrived[i] && Files.exists(copy) && Files.size(copy) == size) {
                    arrived[i] = true;
                    remaining--;
                }
            }
            if ((System.nanoTime() - start) / 1e9 > 1800) {
                throw new IllegalStateException("Syncthing did not deliver " + name + " in 30 minutes; see " + work);
            }
            Thread.sleep(5);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.delete(folder(0, width).resolve(name));
        long deadline = System.nanoTime() + 120_000_000_000L;
        for (int i = 1; i <= width; i++) {
            while (Files.exists(folder(i, width).resolve(name)) && System.nanoTime() < deadline) {
                Thread.sleep(50); // The deletion propagates; the next run needs the disk space.
            }
        }
        return seconds;
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            process.waitFor();
        }
    }
}
