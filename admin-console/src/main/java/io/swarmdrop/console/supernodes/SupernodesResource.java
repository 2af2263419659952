package io.swarmdrop.console.supernodes;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.swarmdrop.console.accounts.Account;
import io.swarmdrop.core.cluster.SupernodeRecord;
import io.swarmdrop.core.publication.Holder;
import io.swarmdrop.core.publication.Publication;
import io.swarmdrop.core.publication.PublicationState;
import io.swarmdrop.core.publication.Publications;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.curator.framework.CuratorFramework;

/** The live supernodes per zone, with the files each holds and the bytes they take. */
@Path("/supernodes")
@RolesAllowed({Account.ADMIN, Account.AUDITOR})
@Produces(MediaType.TEXT_HTML)
public class SupernodesResource {

    public record Held(String id, String name, long size, boolean complete) {}

    public record Node(SupernodeRecord record, List<Held> files, long bytes) {}

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance supernodes(Map<String, List<Node>> zones);
    }

    private final CuratorFramework zk;
    private final Publications publications;

    SupernodesResource(CuratorFramework zk, Publications publications) {
        this.zk = zk;
        this.publications = publications;
    }

    @GET
    public TemplateInstance supernodes() {
        var held = new TreeMap<String, List<Held>>();
        for (String id : publications.ids()) {
            Publication publication = publications.find(id).orElse(null);
            if (publication == null || publication.state() == PublicationState.REMOVED) {
                continue;
            }
            for (Holder holder : publications.holders(id)) {
                held.computeIfAbsent(holder.node(), n -> new ArrayList<>())
                        .add(new Held(id, publication.name(), publication.size(), holder.complete()));
            }
        }
        var zones = new TreeMap<String, List<Node>>();
        for (SupernodeRecord record : SupernodeRecord.live(zk)) {
            List<Held> files = held.getOrDefault(record.node(), List.of());
            long bytes =
                    files.stream().filter(Held::complete).mapToLong(Held::size).sum();
            zones.computeIfAbsent(record.zone(), z -> new ArrayList<>()).add(new Node(record, files, bytes));
        }
        return Templates.supernodes(zones);
    }
}
