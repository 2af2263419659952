package io.swarmdrop.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The console's start page. Until the console issue lands, administration goes through the
 * supernode's admin API, and this page says so.
 */
@Path("/")
public class ConsoleResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(String version);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance index() {
        String version = ConsoleResource.class.getPackage().getImplementationVersion();
        return Templates.index(version == null ? "development" : version);
    }
}
