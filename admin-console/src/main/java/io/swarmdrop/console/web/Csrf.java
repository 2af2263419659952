package io.swarmdrop.console.web;

import io.swarmdrop.core.security.Secrets;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Cross-site request forgery protection by double submission: a random token in a
 * {@code SameSite=Strict} cookie, and the same token in a hidden field of every form. A forged
 * request from another site cannot read the cookie, so it cannot fill in the field.
 * {@link CsrfFilters} keeps the cookie; every form handler calls {@link #check}.
 */
@RequestScoped
public class Csrf {

    public static final String COOKIE = "swarmdrop-csrf";
    public static final String FIELD = "_csrf";

    private String token;
    private boolean fresh;

    void fromCookie(String value) {
        if (value != null && value.length() >= 32) {
            token = value;
        } else {
            token = Secrets.newSecret();
            fresh = true;
        }
    }

    /** The token for this request's forms. */
    public String token() {
        return token;
    }

    boolean isFresh() {
        return fresh;
    }

    /** Refuses the request unless the form carried this session's token. */
    public void check(String submitted) {
        if (fresh
                || submitted == null
                || !MessageDigest.isEqual(
                        submitted.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenException(
                    "the form's security token is missing or stale: reload the page and try again");
        }
    }
}
