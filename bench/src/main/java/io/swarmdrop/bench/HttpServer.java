package io.swarmdrop.bench;

import io.swarmdrop.testing.FreePorts;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The office's usual way: one nginx (from the distribution's package) serving a folder, and N
 * clients (curl) downloading the same file at once.
 */
final class HttpServer implements AutoCloseable {

    private final Path folder;
    private final int port = FreePorts.next();
    private final Process nginx;

    HttpServer(Path served, Path work) throws IOException, InterruptedException {
        this.folder = Files.createDirectories(work);
        Files.createDirectories(work.resolve("temp"));
        String config =
                """
                worker_processes auto;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    sendfile on;
                    tcp_nopush on;
                    client_body_temp_path %1$s/temp/body;
                    proxy_temp_path %1$s/temp/proxy;
                    fastcgi_temp_path %1$s/temp/fastcgi;
                    uwsgi_temp_path %1$s/temp/uwsgi;
                    scgi_temp_path %1$s/temp/scgi;
                    server {
                        listen 127.0.0.1:%2$d;
                        root %3$s;
                    }
                }
                """
                        .formatted(work, port, served);
        Path file = Files.writeString(work.resolve("nginx.conf"), config);
        nginx = Commands.plain(
                        "nginx",
                        "-e",
                        work.resolve("error.log").toString(),
                        "-c",
                        file.toString(),
                        "-p",
                        work.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("nginx.out").toFile())
                .start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!answers()) {
            if (!nginx.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("nginx did not start: " + Files.readString(work.resolve("nginx.out")));
            }
            Thread.sleep(50);
        }
    }

    private boolean answers() {
        try (var socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** N parallel downloads of {@code name} into {@code into}; the wall time in seconds. */
    double fanOut(String name, int n, Path into) throws IOException, InterruptedException {
        Files.createDirectories(into);
        var commands = new ArrayList<List<String>>();
        for (int i = 0; i < n; i++) {
            commands.add(List.of(
                    "curl",
                    "-sSf",
                    "-o",
                    into.resolve(i + "-" + name).toString(),
                    "http://127.0.0.1:" + port + "/" + name));
        }
        return Commands.timeAll(commands);
    }

    @Override
    public void close() throws InterruptedException {
        nginx.destroy();
        nginx.waitFor();
    }
}
