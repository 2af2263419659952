package io.swarmdrop.console.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Answers every request whose path holds a {@code ;} with 400 before anything else sees it. No
 * console page takes matrix parameters, and such paths (even {@code /users;x}) got no answer at
 * all: each held its connection until the idle timeout (finding I11).
 */
@Singleton
public class OddPaths {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            if (context.request().path() != null && context.request().path().contains(";")) {
                context.response()
                        .setStatusCode(400)
                        .putHeader("Content-Type", "text/plain; charset=utf-8")
                        .end("This address is not one of the console's pages.\n");
            } else {
                context.next();
            }
        });
    }
}
