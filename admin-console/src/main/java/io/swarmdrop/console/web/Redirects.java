package io.swarmdrop.console.web;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Post/redirect/get: every form answers with a redirect to a page, carrying a notice or an error. */
public final class Redirects {

    private Redirects() {}

    public static Response notice(String path, String message) {
        return to(path, "notice", message);
    }

    public static Response error(String path, String message) {
        return to(path, "error", message);
    }

    /**
     * Runs a form's change to the cluster state. A refusal (every store says why in its exception,
     * in words for the admin) goes back to {@code errorPath} with the reason; after a change that
     * went through, {@code done} audits it and answers.
     */
    public static Response afterChange(Runnable change, Supplier<String> errorPath, Supplier<Response> done) {
        try {
            change.run();
        } catch (RuntimeException e) {
            return error(errorPath.get(), e.getMessage());
        }
        return done.get();
    }

    private static Response to(String path, String key, String message) {
        String separator = path.contains("?") ? "&" : "?";
        return Response.seeOther(
                        URI.create(path + separator + key + "=" + URLEncoder.encode(message, StandardCharsets.UTF_8)))
                .build();
    }
}
