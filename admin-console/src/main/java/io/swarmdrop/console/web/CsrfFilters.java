package io.swarmdrop.console.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Reads the CSRF cookie of every request and sets it on the response when it was missing. */
public class CsrfFilters {

    @Inject
    Csrf csrf;

    @ServerRequestFilter
    public void read(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(Csrf.COOKIE);
        csrf.fromCookie(cookie == null ? null : cookie.getValue());
    }

    @ServerResponseFilter
    public void write(ContainerResponseContext response) {
        if (csrf.isFresh()) {
            response.getHeaders()
                    .add("Set-Cookie", Csrf.COOKIE + "=" + csrf.token() + "; Path=/; HttpOnly; SameSite=Strict");
        }
    }
}
