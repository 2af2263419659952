package io.swarmdrop.console.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.swarmdrop.console.accounts.Account;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** Who is looking at a page: templates read it as {@code inject:viewer}. */
@Named("viewer")
@RequestScoped
public class Viewer {

    private final SecurityIdentity identity;
    private final Csrf csrf;
    private final CurrentVertxRequest request;

    Viewer(SecurityIdentity identity, Csrf csrf, CurrentVertxRequest request) {
        this.identity = identity;
        this.csrf = csrf;
        this.request = request;
    }

    public String name() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    public boolean isAdmin() {
        return identity.hasRole(Account.ADMIN);
    }

    public String role() {
        return isAdmin() ? Account.ADMIN : Account.AUDITOR;
    }

    public String csrf() {
        return csrf.token();
    }

    /** The address the request came from, for the audit log. */
    public String source() {
        var current = request.getCurrent();
        return current == null || current.request().remoteAddress() == null
                ? null
                : current.request().remoteAddress().hostAddress();
    }
}
