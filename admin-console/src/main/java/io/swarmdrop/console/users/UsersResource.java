package io.swarmdrop.console.users;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.swarmdrop.console.accounts.Account;
import io.swarmdrop.console.audit.AuditLog;
import io.swarmdrop.console.web.Csrf;
import io.swarmdrop.console.web.Redirects;
import io.swarmdrop.console.web.Viewer;
import io.swarmdrop.core.directory.DeviceRecord;
import io.swarmdrop.core.directory.Directory;
import io.swarmdrop.core.directory.UserRecord;
import io.swarmdrop.core.presence.SessionStore;
import io.swarmdrop.core.security.PasswordRule;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/** Users and their devices: list and search, create, disable, reset a password, revoke a device. */
@Path("/users")
@RolesAllowed({Account.ADMIN, Account.AUDITOR})
@Produces(MediaType.TEXT_HTML)
public class UsersResource {

    /** A row of the user list. */
    public record UserRow(
            String name, String displayName, boolean disabled, int devices, boolean online, List<String> groups) {}

    /** A device of a user, with where it is connected now (null when offline). */
    public record DeviceRow(
            String id,
            String hostname,
            Instant enrolledAt,
            Instant lastContact,
            String connectedTo,
            List<String> problems) {}

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance users(List<UserRow> users, String q, String notice, String error);

        static native TemplateInstance user(
                String name,
                UserRecord user,
                List<DeviceRow> devices,
                List<String> groups,
                String notice,
                String error);
    }

    private final Directory directory;
    private final SessionStore presence;
    private final AuditLog audit;
    private final Csrf csrf;
    private final Viewer viewer;

    UsersResource(Directory directory, SessionStore presence, AuditLog audit, Csrf csrf, Viewer viewer) {
        this.directory = directory;
        this.presence = presence;
        this.audit = audit;
        this.csrf = csrf;
        this.viewer = viewer;
    }

    @GET
    public TemplateInstance users(
            @QueryParam("q") String q, @QueryParam("notice") String notice, @QueryParam("error") String error) {
        String needle = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
        var rows = new ArrayList<UserRow>();
        for (String name : directory.users().stream().sorted().toList()) {
            UserRecord user = directory.findUser(name).orElse(null);
            if (user == null
                    || !(name.toLowerCase(Locale.ROOT).contains(needle)
                            || user.displayName().toLowerCase(Locale.ROOT).contains(needle))) {
                continue;
            }
            rows.add(new UserRow(
                    name,
                    user.displayName(),
                    user.disabled(),
                    directory.devices(name).size(),
                    presence.isOnline(name),
                    directory.groupsOf(name)));
        }
        return Templates.users(rows, q == null ? "" : q, notice, error);
    }

    @GET
    @Path("/{name}")
    public TemplateInstance user(
            @PathParam("name") String name, @QueryParam("notice") String notice, @QueryParam("error") String error) {
        UserRecord user =
                directory.findUser(name).orElseThrow(() -> new NotFoundException("there is no user '" + name + "'"));
        var sessions = presence.sessions(name);
        var devices = new ArrayList<DeviceRow>();
        for (String id : directory.devices(name)) {
            directory
                    .findDevice(name, id)
                    .ifPresent((DeviceRecord d) -> devices.add(new DeviceRow(
                            id,
                            d.hostname(),
                            d.enrolledAt(),
                            d.lastContact(),
                            sessions.containsKey(id)
                                    ? sessions.get(id).node() + " ("
                                            + sessions.get(id).zone() + ")"
                                    : null,
                            d.problems())));
        }
        return Templates.user(name, user, devices, directory.groupsOf(name), notice, error);
    }

    @POST
    @RolesAllowed(Account.ADMIN)
    public Response create(
            @RestForm(Csrf.FIELD) String token,
            @RestForm String name,
            @RestForm String displayName,
            @RestForm String password) {
        csrf.check(token);
        Optional<String> weak = PasswordRule.problem(password);
        if (weak.isPresent()) {
            return Redirects.error("/users", weak.get());
        }
        return Redirects.afterChange(
                () -> directory.createUser(
                        name,
                        displayName == null || displayName.isBlank() ? null : displayName,
                        password.toCharArray()),
                () -> "/users",
                () -> {
                    audit.record(viewer.name(), "created a user", "user " + name, viewer.source());
                    return Redirects.notice("/users/" + name, "user '" + name + "' created");
                });
    }

    @POST
    @Path("/{name}/disabled")
    @RolesAllowed(Account.ADMIN)
    public Response disable(
            @PathParam("name") String name, @RestForm(Csrf.FIELD) String token, @RestForm boolean disabled) {
        csrf.check(token);
        return Redirects.afterChange(() -> directory.setDisabled(name, disabled), () -> "/users", () -> {
            audit.record(
                    viewer.name(), disabled ? "disabled a user" : "enabled a user", "user " + name, viewer.source());
            return Redirects.notice(
                    "/users/" + name, disabled ? "disabled: its devices stop working now" : "enabled again");
        });
    }

    @POST
    @Path("/{name}/password")
    @RolesAllowed(Account.ADMIN)
    public Response resetPassword(
            @PathParam("name") String name, @RestForm(Csrf.FIELD) String token, @RestForm String password) {
        csrf.check(token);
        Optional<String> weak = PasswordRule.problem(password);
        if (weak.isPresent()) {
            return Redirects.error("/users/" + name, weak.get());
        }
        return Redirects.afterChange(() -> directory.setPassword(name, password.toCharArray()), () -> "/users", () -> {
            audit.record(viewer.name(), "reset the password of", "user " + name, viewer.source());
            return Redirects.notice("/users/" + name, "password reset");
        });
    }

    @POST
    @Path("/{name}/devices/{device}/revoke")
    @RolesAllowed(Account.ADMIN)
    public Response revoke(
            @PathParam("name") String name, @PathParam("device") String device, @RestForm(Csrf.FIELD) String token) {
        csrf.check(token);
        String hostname =
                directory.findDevice(name, device).map(DeviceRecord::hostname).orElse("?");
        return Redirects.afterChange(() -> directory.revokeDevice(name, device), () -> "/users/" + name, () -> {
            audit.record(
                    viewer.name(),
                    "revoked a device",
                    "device " + device + " (" + hostname + ") of " + name,
                    viewer.source());
            return Redirects.notice(
                    "/users/" + name, "device " + device + " revoked: its token and passkey no longer work");
        });
    }
}
