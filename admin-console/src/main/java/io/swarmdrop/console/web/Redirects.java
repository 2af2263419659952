package io.swarmdrop.console.web;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Post/redirect/get: every form answers with a redirect to a page, carrying a notice or an error. */
public final class Redirects {

    private Redirects() {}

    public static Response notice(String path, String message) {
        return to(path, "notice", message);
    }

    public static Response error(String path, String message) {
        return to(path, "error", message);
    }

    private static Response to(String path, String key, String message) {
        String separator = path.contains("?") ? "&" : "?";
        return Response.seeOther(
                        URI.create(path + separator + key + "=" + URLEncoder.encode(message, StandardCharsets.UTF_8)))
                .build();
    }
}
