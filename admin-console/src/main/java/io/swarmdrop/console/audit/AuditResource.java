package io.swarmdrop.console.audit;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.swarmdrop.console.accounts.Account;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The audit log: filterable, and exportable as CSV (RFC 4180). */
@Path("/audit")
@RolesAllowed({Account.ADMIN, Account.AUDITOR})
public class AuditResource {

    private static final int PAGE = 500;
    private static final int EXPORT = 100_000;

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance audit(List<AuditEntry> entries, String q);
    }

    private final AuditLog log;

    AuditResource(AuditLog log) {
        this.log = log;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance audit(@QueryParam("q") String q) {
        return Templates.audit(log.search(q, PAGE), q == null ? "" : q);
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    public Response export(@QueryParam("q") String q) {
        var csv = new StringBuilder("at,actor,action,target,source\r\n");
        for (AuditEntry e : log.search(q, EXPORT)) {
            csv.append(field(e.at.toString()))
                    .append(',')
                    .append(field(e.actor))
                    .append(',')
                    .append(field(e.action))
                    .append(',')
                    .append(field(e.target))
                    .append(',')
                    .append(field(e.source))
                    .append("\r\n");
        }
        return Response.ok(csv.toString())
                .header("Content-Disposition", "attachment; filename=\"swarmdrop-audit.csv\"")
                .build();
    }

    /**
     * One CSV field, quoted when needed. A leading =, +, - or @ gets a quote mark first, so a
     * spreadsheet never runs a crafted name as a formula.
     */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
