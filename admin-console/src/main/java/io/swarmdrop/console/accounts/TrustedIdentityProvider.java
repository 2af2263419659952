package io.swarmdrop.console.accounts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Rebuilds the identity of a signed-in session from its (encrypted) form-authentication cookie on
 * every request, from the account as it is now: a deleted or disabled account's session ends at once.
 */
@ApplicationScoped
public class TrustedIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final EntityManager db;

    TrustedIdentityProvider(EntityManager db) {
        this.db = db;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            Account account =
                    QuarkusTransaction.requiringNew().call(() -> db.find(Account.class, request.getPrincipal()));
            if (account == null || account.isDisabled()) {
                throw new AuthenticationFailedException("the account no longer exists or is disabled");
            }
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(account.name))
                    .addRole(account.role)
                    .build();
        });
    }
}
