package io.swarmdrop.console.groups;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.swarmdrop.console.accounts.Account;
import io.swarmdrop.console.audit.AuditLog;
import io.swarmdrop.console.web.Csrf;
import io.swarmdrop.console.web.Redirects;
import io.swarmdrop.console.web.Viewer;
import io.swarmdrop.core.directory.Directory;
import io.swarmdrop.core.directory.GroupRecord;
import io.swarmdrop.core.presence.SessionStore;
import io.swarmdrop.core.publication.Publication;
import io.swarmdrop.core.publication.PublicationState;
import io.swarmdrop.core.publication.Publications;
import io.swarmdrop.policies.GroupPolicy;
import io.swarmdrop.policies.PolicyException;
import io.swarmdrop.policies.PolicyText;
import io.swarmdrop.policies.RetentionEvaluator;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/** Groups: create, describe, members (with who is online where), delete when empty, and the policy. */
@Path("/groups")
@RolesAllowed({Account.ADMIN, Account.AUDITOR})
@Produces(MediaType.TEXT_HTML)
public class GroupsResource {

    public record GroupRow(String name, String description, int members, int online) {}

    public record MemberRow(String user, String connectedTo) {}

    /** What a policy would do right now: how many of the group's live files it would remove. */
    public record Preview(int files, long bytes, int live) {}

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance groups(List<GroupRow> groups, String q, String notice, String error);

        static native TemplateInstance group(
                String name,
                GroupRecord group,
                List<MemberRow> members,
                List<String> candidates,
                String q,
                String notice,
                String error);

        static native TemplateInstance policy(
                String name, String text, List<PolicyException.Problem> problems, Preview preview, String notice);
    }

    private final Directory directory;
    private final Publications publications;
    private final SessionStore presence;
    private final AuditLog audit;
    private final Csrf csrf;
    private final Viewer viewer;
    private final Clock clock;

    GroupsResource(
            Directory directory,
            Publications publications,
            SessionStore presence,
            AuditLog audit,
            Csrf csrf,
            Viewer viewer,
            Clock clock) {
        this.directory = directory;
        this.publications = publications;
        this.presence = presence;
        this.audit = audit;
        this.csrf = csrf;
        this.viewer = viewer;
        this.clock = clock;
    }

    @GET
    public TemplateInstance groups(
            @QueryParam("q") String q, @QueryParam("notice") String notice, @QueryParam("error") String error) {
        String needle = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
        var rows = new ArrayList<GroupRow>();
        for (String name : directory.groups().stream().sorted().toList()) {
            Optional<GroupRecord> group = directory.findGroup(name);
            if (group.isEmpty() || !name.toLowerCase(Locale.ROOT).contains(needle)) {
                continue;
            }
            List<String> members = directory.members(name);
            int online = (int) members.stream().filter(presence::isOnline).count();
            rows.add(new GroupRow(name, group.get().description(), members.size(), online));
        }
        return Templates.groups(rows, q == null ? "" : q, notice, error);
    }

    @GET
    @Path("/{name}")
    public TemplateInstance group(
            @PathParam("name") String name,
            @QueryParam("q") String q,
            @QueryParam("notice") String notice,
            @QueryParam("error") String error) {
        GroupRecord group = find(name);
        var members = new ArrayList<MemberRow>();
        List<String> names = directory.members(name).stream().sorted().toList();
        for (String user : names) {
            var where = presence.sessions(user).values().stream()
                    .map(s -> s.node() + " (" + s.zone() + ")")
                    .distinct()
                    .toList();
            members.add(new MemberRow(user, where.isEmpty() ? null : String.join(", ", where)));
        }
        String needle = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
        List<String> candidates = needle.isEmpty()
                ? List.of()
                : directory.users().stream()
                        .filter(u ->
                                !names.contains(u) && u.toLowerCase(Locale.ROOT).contains(needle))
                        .sorted()
                        .limit(20)
                        .toList();
        return Templates.group(name, group, members, candidates, q == null ? "" : q, notice, error);
    }

    private GroupRecord find(String name) {
        return directory.findGroup(name).orElseThrow(() -> new NotFoundException("there is no group '" + name + "'"));
    }

    @POST
    @RolesAllowed(Account.ADMIN)
    public Response create(@RestForm(Csrf.FIELD) String token, @RestForm String name, @RestForm String description) {
        csrf.check(token);
        return Redirects.afterChange(() -> directory.createGroup(name, description), () -> "/groups", () -> {
            audit.record(viewer.name(), "created a group", "group " + name, viewer.source());
            return Redirects.notice("/groups/" + name, "group '" + name + "' created");
        });
    }

    @POST
    @Path("/{name}/description")
    @RolesAllowed(Account.ADMIN)
    public Response describe(
            @PathParam("name") String name, @RestForm(Csrf.FIELD) String token, @RestForm String description) {
        csrf.check(token);
        return Redirects.afterChange(() -> directory.describeGroup(name, description), () -> "/groups", () -> {
            audit.record(viewer.name(), "described a group", "group " + name + ": " + description, viewer.source());
            return Redirects.notice("/groups/" + name, "description saved");
        });
    }

    @POST
    @Path("/{name}/members")
    @RolesAllowed(Account.ADMIN)
    public Response addMember(
            @PathParam("name") String name, @RestForm(Csrf.FIELD) String token, @RestForm String user) {
        csrf.check(token);
        return Redirects.afterChange(
                () -> directory.addMember(name, user),
                () -> directory.findGroup(name).isPresent() ? "/groups/" + name : "/groups",
                () -> {
                    audit.record(
                            viewer.name(), "added a member", "user " + user + " to group " + name, viewer.source());
                    return Redirects.notice("/groups/" + name, user + " is a member now");
                });
    }

    @POST
    @Path("/{name}/members/{user}/remove")
    @RolesAllowed(Account.ADMIN)
    public Response removeMember(
            @PathParam("name") String name, @PathParam("user") String user, @RestForm(Csrf.FIELD) String token) {
        csrf.check(token);
        return Redirects.afterChange(
                () -> directory.removeMember(name, user),
                () -> directory.findGroup(name).isPresent() ? "/groups/" + name : "/groups",
                () -> {
                    audit.record(
                            viewer.name(), "removed a member", "user " + user + " from group " + name, viewer.source());
                    return Redirects.notice("/groups/" + name, user + " is no longer a member");
                });
    }

    @POST
    @Path("/{name}/delete")
    @RolesAllowed(Account.ADMIN)
    public Response delete(@PathParam("name") String name, @RestForm(Csrf.FIELD) String token) {
        csrf.check(token);
        return Redirects.afterChange(
                () -> directory.deleteGroup(name),
                () -> directory.findGroup(name).isPresent() ? "/groups/" + name : "/groups",
                () -> {
                    audit.record(viewer.name(), "deleted a group", "group " + name, viewer.source());
                    return Redirects.notice("/groups", "group '" + name + "' deleted");
                });
    }

    @GET
    @Path("/{name}/policy")
    public TemplateInstance policy(@PathParam("name") String name, @QueryParam("notice") String notice) {
        GroupRecord group = find(name);
        String text = group.policy() == null || group.policy().isBlank()
                ? PolicyText.format(GroupPolicy.DEFAULT)
                : group.policy();
        GroupPolicy policy = PolicyText.parse(group.policy());
        return Templates.policy(name, text, List.of(), preview(name, policy), notice);
    }

    /** Checks a policy text; saves it when asked to and it is valid, else shows the problems and a preview. */
    @POST
    @Path("/{name}/policy")
    @RolesAllowed(Account.ADMIN)
    public Response savePolicy(
            @PathParam("name") String name,
            @RestForm(Csrf.FIELD) String token,
            @RestForm String text,
            @RestForm String action) {
        csrf.check(token);
        find(name);
        GroupPolicy policy;
        try {
            policy = PolicyText.parse(text);
        } catch (PolicyException e) {
            return Response.status(400)
                    .entity(Templates.policy(name, text, e.problems(), null, null))
                    .build();
        }
        if (!"save".equals(action)) {
            return Response.ok(Templates.policy(name, text, List.of(), preview(name, policy), null))
                    .build();
        }
        return Redirects.afterChange(() -> directory.setPolicy(name, text), () -> "/groups/" + name, () -> {
            audit.record(
                    viewer.name(),
                    "changed the policy of",
                    "group " + name + ": " + text.replace('\n', ';'),
                    viewer.source());
            return Redirects.notice("/groups/" + name + "/policy", "policy saved");
        });
    }

    /** What {@code policy} would remove now among the group's live publications. */
    private Preview preview(String group, GroupPolicy policy) {
        int files = 0;
        int live = 0;
        long bytes = 0;
        for (String id : publications.ids()) {
            Optional<Publication> found =
                    publications.find(id).filter(p -> p.group().equals(group));
            if (found.isEmpty() || found.get().state() == PublicationState.REMOVED) {
                continue;
            }
            live++;
            var decision = RetentionEvaluator.decide(
                    found.get().createdAt(),
                    new HashSet<>(publications.targets(id)),
                    new HashSet<>(publications.receivedBy(id)),
                    policy.retention(),
                    clock.instant());
            if (decision.removes()) {
                files++;
                bytes += found.get().size();
            }
        }
        return new Preview(files, bytes, live);
    }
}
