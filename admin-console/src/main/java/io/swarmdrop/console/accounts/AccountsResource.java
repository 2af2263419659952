package io.swarmdrop.console.accounts;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.swarmdrop.console.audit.AuditLog;
import io.swarmdrop.console.web.Csrf;
import io.swarmdrop.console.web.Redirects;
import io.swarmdrop.console.web.Viewer;
import io.swarmdrop.core.security.PasswordRule;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The console's own accounts: administrators add administrators and auditors, change their
 * passwords, disable and delete them here. The last enabled administrator stays.
 */
@Path("/accounts")
@RolesAllowed(Account.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AccountsResource {

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance accounts(
                List<Account> accounts, String generatedPassword, String notice, String error);
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
        java.nio.file.Path generated = accounts.firstAdminPasswordFile();
        return Templates.accounts(
                accounts.all(),
                Files.exists(generated) ? generated.toAbsolutePath().toString() : null,
                notice,
                error);
    }

    @POST
    public Response create(
            @RestForm(Csrf.FIELD) String token,
            @RestForm String name,
            @RestForm String password,
            @RestForm String role) {
        csrf.check(token);
        Optional<String> weak = PasswordRule.problem(password);
        if (weak.isPresent()) {
            return Redirects.error("/accounts", weak.get());
        }
        return Redirects.afterChange(
                () -> accounts.create(name, password.toCharArray(), role == null ? "" : role),
                () -> "/accounts",
                () -> {
                    audit.record(viewer.name(), "created a console account", role + " " + name, viewer.source());
                    return Redirects.notice("/accounts", role + " account '" + name + "' created");
                });
    }

    @POST
    @Path("/{name}/password")
    public Response changePassword(
            @PathParam("name") String name, @RestForm(Csrf.FIELD) String token, @RestForm String password) {
        csrf.check(token);
        Optional<String> weak = PasswordRule.problem(password);
        if (weak.isPresent()) {
            return Redirects.error("/accounts", weak.get());
        }
        return change(
                name,
                "changed the password of a console account",
                "password of '" + name + "' changed",
                () -> accounts.changePassword(name, password.toCharArray()));
    }

    @POST
    @Path("/{name}/disable")
    public Response disable(@PathParam("name") String name, @RestForm(Csrf.FIELD) String token) {
        csrf.check(token);
        return change(
                name,
                "disabled a console account",
                "account '" + name + "' disabled",
                () -> accounts.setDisabled(name, true));
    }

    @POST
    @Path("/{name}/enable")
    public Response enable(@PathParam("name") String name, @RestForm(Csrf.FIELD) String token) {
        csrf.check(token);
        return change(
                name,
                "enabled a console account",
                "account '" + name + "' enabled",
                () -> accounts.setDisabled(name, false));
    }

    @POST
    @Path("/{name}/delete")
    public Response delete(@PathParam("name") String name, @RestForm(Csrf.FIELD) String token) {
        csrf.check(token);
        return change(name, "deleted a console account", "account '" + name + "' deleted", () -> accounts.delete(name));
    }

    private Response change(String name, String action, String notice, Runnable change) {
        try {
            change.run();
        } catch (IllegalArgumentException e) {
            return Redirects.error("/accounts", e.getMessage());
        }
        audit.record(viewer.name(), action, "console account " + name, viewer.source());
        return Redirects.notice("/accounts", notice);
    }
}
