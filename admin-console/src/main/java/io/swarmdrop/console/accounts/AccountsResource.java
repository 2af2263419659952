package io.swarmdrop.console.accounts;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.swarmdrop.console.audit.AuditLog;
import io.swarmdrop.console.web.Csrf;
import io.swarmdrop.console.web.Redirects;
import io.swarmdrop.console.web.Viewer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** The console's own accounts: administrators add other administrators and auditors here. */
@Path("/accounts")
@RolesAllowed(Account.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AccountsResource {

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance accounts(List<Account> accounts, String notice, String error);
    }

    private final Accounts accounts;
    private final AuditLog audit;
    private final Csrf csrf;
    private final Viewer viewer;

    AccountsResource(Accounts accounts, AuditLog audit, Csrf csrf, Viewer viewer) {
        this.accounts = accounts;
        this.audit = audit;
        this.csrf = csrf;
        this.viewer = viewer;
    }

    @GET
    public TemplateInstance list(@QueryParam("notice") String notice, @QueryParam("error") String error) {
        return Templates.accounts(accounts.all(), notice, error);
    }

    @POST
    public Response create(
            @RestForm(Csrf.FIELD) String token,
            @RestForm String name,
            @RestForm String password,
            @RestForm String role) {
        csrf.check(token);
        if (password == null || password.length() < 12) {
            return Redirects.error("/accounts", "a console password needs at least 12 characters");
        }
        try {
            accounts.create(name, password.toCharArray(), role == null ? "" : role);
        } catch (RuntimeException e) {
            return Redirects.error("/accounts", e.getMessage());
        }
        audit.record(viewer.name(), "created a console account", role + " " + name, viewer.source());
        return Redirects.notice("/accounts", role + " account '" + name + "' created");
    }
}
