package io.swarmdrop.console.accounts;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.swarmdrop.console.audit.AuditLog;
import io.swarmdrop.core.security.SignInThrottle;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/** Checks the console's sign-in form (Quarkus form authentication) against the console's accounts. */
@ApplicationScoped
public class AccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(AccountIdentityProvider.class);

    private final Accounts accounts;
    private final SignInThrottle throttle;
    private final AuditLog audit;

    AccountIdentityProvider(Accounts accounts, Clock clock, AuditLog audit) {
        this.accounts = accounts;
        this.throttle = new SignInThrottle(clock);
        this.audit = audit;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String source =
                http == null ? "unknown" : http.request().remoteAddress().hostAddress();
        String name = request.getUsername();
        return context.runBlocking(() -> {
            Duration wait = throttle.waitFor(name, source);
            if (!wait.isZero()) {
                LOG.warnf(
                        "sign-in as '%s' from %s refused unchecked: too many failures, %d s to wait",
                        name, source, wait.toSeconds());
                throw new AuthenticationFailedException("too many failed sign-ins; wait " + wait.toSeconds() + " s");
            }
            var role = accounts.check(name, request.getPassword().getPassword());
            if (role.isEmpty()) {
                throttle.failed(name, source);
                audit.record(name, "failed to sign in", "the console", source);
                throw new AuthenticationFailedException("wrong account name or password");
            }
            throttle.succeeded(name);
            audit.record(name, "signed in", "the console", source);
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(name))
                    .addRole(role.get())
                    .build();
        });
    }
}
