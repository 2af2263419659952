package io.swarmdrop.console.accounts;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.swarmdrop.console.audit.AuditLog;
import io.swarmdrop.console.web.Csrf;
import io.swarmdrop.console.web.Viewer;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;

/** The sign-in page (the form posts to Quarkus' {@code j_security_check}) and sign-out. */
@Path("/")
public class SignInResource {

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance login(boolean failed);
    }

    private final Csrf csrf;
    private final Viewer viewer;
    private final AuditLog audit;
    private final String cookieName;

    SignInResource(
            Csrf csrf,
            Viewer viewer,
            AuditLog audit,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName) {
        this.csrf = csrf;
        this.viewer = viewer;
        this.audit = audit;
        this.cookieName = cookieName;
    }

    @GET
    @Path("/login")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance login(@QueryParam("error") String error) {
        return Templates.login(error != null);
    }

    @GET
    @RolesAllowed({Account.ADMIN, Account.AUDITOR})
    public Response home() {
        return Response.seeOther(URI.create("/publications")).build();
    }

    /** Ends the session: the form-authentication cookie is cleared. */
    @POST
    @Path("/logout")
    @RolesAllowed({Account.ADMIN, Account.AUDITOR})
    public Response logout(@RestForm(Csrf.FIELD) String token) {
        csrf.check(token);
        audit.record(viewer.name(), "signed out", "the console", viewer.source());
        return Response.seeOther(URI.create("/login"))
                .cookie(new NewCookie.Builder(cookieName)
                        .path("/")
                        .value("")
                        .maxAge(0)
                        .httpOnly(true)
                        .build())
                .build();
    }
}
