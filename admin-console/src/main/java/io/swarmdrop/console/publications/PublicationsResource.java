package io.swarmdrop.console.publications;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.swarmdrop.console.accounts.Account;
import io.swarmdrop.core.directory.Directory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every active and recent publication with its delivery; the pages poll the JSON forms every two
 * seconds to move their progress bars.
 */
@Path("/publications")
@RolesAllowed({Account.ADMIN, Account.AUDITOR})
public class PublicationsResource {

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance publications(
                List<Deliveries.Delivery> deliveries, List<String> groups, String q, String group, String state);

        static native TemplateInstance publication(Deliveries.Delivery delivery);
    }

    private final Deliveries deliveries;
    private final Directory directory;

    PublicationsResource(Deliveries deliveries, Directory directory) {
        this.deliveries = deliveries;
        this.directory = directory;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(
            @QueryParam("q") String q, @QueryParam("group") String group, @QueryParam("state") String state) {
        return Templates.publications(
                filtered(q, group, state),
                directory.groups().stream().sorted().toList(),
                q == null ? "" : q,
                group == null ? "" : group,
                state == null ? "" : state);
    }

    /** Percent delivered of each listed publication, for the list's live progress bars. */
    @GET
    @Path("/progress")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Integer> progress(
            @QueryParam("q") String q, @QueryParam("group") String group, @QueryParam("state") String state) {
        var percent = new LinkedHashMap<String, Integer>();
        filtered(q, group, state).forEach(d -> percent.put(d.publication().id(), d.percent()));
        return percent;
    }

    private List<Deliveries.Delivery> filtered(String q, String group, String state) {
        String needle = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
        return deliveries.all().stream()
                .filter(d -> group == null
                        || group.isEmpty()
                        || d.publication().group().equals(group))
                .filter(d -> state == null
                        || state.isEmpty()
                        || d.publication().state().name().equalsIgnoreCase(state))
                .filter(d -> needle.isEmpty()
                        || d.publication().name().toLowerCase(Locale.ROOT).contains(needle)
                        || d.publication().publisher().toLowerCase(Locale.ROOT).contains(needle))
                .toList();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance publication(@PathParam("id") String id) {
        return Templates.publication(find(id));
    }

    @GET
    @Path("/{id}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    public Deliveries.Delivery delivery(@PathParam("id") String id) {
        return find(id);
    }

    private Deliveries.Delivery find(String id) {
        return deliveries.find(id).orElseThrow(() -> new NotFoundException("there is no publication '" + id + "'"));
    }
}
