package io.swarmdrop.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.swarmdrop.core.api.LocalCommands;
import io.swarmdrop.core.api.LocalStatus;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * The running daemon's local API. Its URL and token are in {@code <root>/.swarmdrop/local-api},
 * written by the daemon on every start and readable by its user only.
 */
final class LocalDaemon {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private LocalDaemon(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    static LocalDaemon at(Path root) {
        Path file = root.resolve(".swarmdrop").resolve("local-api");
        var properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            throw new CliException(
                    Swarmdrop.NOT_RUNNING,
                    "no daemon has run with the root folder " + root + " (" + file + " is missing)");
        } catch (IOException e) {
            throw new CliException(Swarmdrop.NOT_RUNNING, "cannot read " + file + ": " + e.getMessage());
        }
        String url = properties.getProperty("url");
        String token = properties.getProperty("token");
        if (url == null || token == null) {
            throw new CliException(Swarmdrop.NOT_RUNNING, file + " is incomplete; restart the daemon");
        }
        return new LocalDaemon(URI.create(url.endsWith("/") ? url : url + "/"), token);
    }

    <T> T get(String path, TypeReference<T> type) {
        return read(send(request(path).GET().build()), type);
    }

    /** The daemon's status, typed as the daemon writes it. */
    LocalStatus status() {
        return get("local/status", new TypeReference<>() {});
    }

    String text(String path) {
        return send(request(path).GET().build());
    }

    <T> T post(String path, Object body, TypeReference<T> type) {
        try {
            return read(
                    send(request(path)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                            .build()),
                    type);
        } catch (IOException e) {
            throw new CliException(1, e.getMessage());
        }
    }

    /**
     * Sends {@code file}'s bytes, read here with the caller's own rights, to {@code path} with the
     * query {@code query} (already encoded).
     */
    LocalCommands.Published postFile(String path, String query, Path file) {
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.ofFile(file);
        } catch (FileNotFoundException e) {
            throw new CliException(Swarmdrop.REFUSED, "cannot read " + file + ": no such file, or not yours to read");
        }
        return read(
                send(request(path + "?" + query)
                        .timeout(Duration.ofHours(6))
                        .header("Content-Type", "application/octet-stream")
                        .POST(body)
                        .build()),
                new TypeReference<>() {});
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
    }

    private String send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CliException(
                    Swarmdrop.NOT_RUNNING, "the daemon is not running (nothing answers at " + base + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(1, "interrupted");
        }
        int status = response.statusCode();
        if (status < 400) {
            return response.body();
        }
        String message = errorOf(response.body(), status);
        throw new CliException(
                switch (status) {
                    case 401 -> Swarmdrop.NOT_RUNNING;
                    case 404 -> Swarmdrop.NOT_FOUND;
                    case 400, 403, 409, 422 -> Swarmdrop.REFUSED;
                    case 503 -> Swarmdrop.NO_SUPERNODE;
                    default -> 1;
                },
                message);
    }

    private static String errorOf(String body, int status) {
        try {
            JsonNode error = JSON.readTree(body).get("error");
            return error == null ? "HTTP " + status : error.asText();
        } catch (IOException e) {
            return "HTTP " + status;
        }
    }

    /** The answer as {@code type}; null for an empty answer (a 204). */
    private static <T> T read(String body, TypeReference<T> type) {
        try {
            return body == null || body.isBlank() ? null : JSON.readValue(body, type);
        } catch (IOException e) {
            throw new CliException(1, "unreadable answer from the daemon: " + e.getMessage());
        }
    }
}
