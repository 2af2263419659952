package io.swarmdrop.supernode.seeding;

import io.swarmdrop.core.cluster.SupernodeRecord;
import io.swarmdrop.core.publication.Holder;
import io.swarmdrop.core.publication.Publication;
import io.swarmdrop.core.publication.Publications;
import io.swarmdrop.core.torrent.InvalidMetainfoException;
import io.swarmdrop.core.torrent.Metainfo;
import io.swarmdrop.engine.MetainfoCheck;
import io.swarmdrop.supernode.cluster.ClusterTls;
import io.swarmdrop.supernode.cluster.NodeIdentity;
import io.swarmdrop.supernode.cluster.NodeRegistration;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * A publication's metainfo, from this supernode's disk or else from a live supernode that holds it
 * ({@code GET /cluster/publications/{id}/torrent}). Metainfo is content-addressed: a copy is used
 * only when its v2 info-hash is the one recorded in ZooKeeper, so no supernode has to be trusted.
 */
@Singleton
public class MetainfoSource {

    private static final Logger LOG = Logger.getLogger(MetainfoSource.class);

    private final MetainfoStore store;
    private final Publications publications;
    private final NodeRegistration registration;
    private final NodeIdentity identity;
    private final ClusterTls tls;
    private final HttpClient http;

    MetainfoSource(
            MetainfoStore store,
            Publications publications,
            NodeRegistration registration,
            NodeIdentity identity,
            ClusterTls tls) {
        this.store = store;
        this.publications = publications;
        this.registration = registration;
        this.identity = identity;
        this.tls = tls;
        this.http = tls.client().connectTimeout(Duration.ofSeconds(3)).build();
    }

    /** The metainfo, fetched and kept on this disk when another supernode has it; empty when none does. */
    public Optional<Metainfo> find(Publication publication) {
        Optional<byte[]> local = store.read(publication.id());
        if (local.isPresent()) {
            return Optional.of(Metainfo.parse(local.get()));
        }
        Map<String, SupernodeRecord> live = registration.live().stream()
                .collect(Collectors.toMap(SupernodeRecord::node, Function.identity(), (a, b) -> a));
        // Holders with the whole file first: they are the likeliest to stay; the origin last.
        Set<String> sources = new LinkedHashSet<>();
        publications.holders(publication.id()).stream()
                .sorted((a, b) -> Boolean.compare(b.complete(), a.complete()))
                .map(Holder::node)
                .forEach(sources::add);
        sources.add(publication.origin());
        sources.remove(identity.node());
        for (String node : sources) {
            SupernodeRecord record = live.get(node);
            if (record == null) {
                continue;
            }
            Optional<Metainfo> fetched = fetch(record, publication);
            if (fetched.isPresent()) {
                store.save(publication.id(), fetched.get());
                return fetched;
            }
        }
        return Optional.empty();
    }

    private Optional<Metainfo> fetch(SupernodeRecord from, Publication publication) {
        String base = from.apiUrl().endsWith("/") ? from.apiUrl() : from.apiUrl() + "/";
        var request = HttpRequest.newBuilder(URI.create(base + "cluster/publications/" + publication.id() + "/torrent"))
                .timeout(Duration.ofSeconds(10))
                .GET();
        if (!tls.mutual()) {
            // Plain HTTP on loopback: the passkey stands in for the certificate.
            request.header("Authorization", "Bearer " + identity.passkey());
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                LOG.debugf(
                        "[publication=%s] supernode %s has no metainfo (HTTP %d)",
                        publication.id(), from.node(), response.statusCode());
                return Optional.empty();
            }
            Metainfo metainfo = MetainfoCheck.parse(response.body());
            if (!metainfo.infohashV2().equals(publication.infohashV2())) {
                LOG.errorf(
                        "[publication=%s] supernode %s sent metainfo of another torrent (%s); ignored",
                        publication.id(), from.node(), metainfo.infohashV2());
                return Optional.empty();
            }
            LOG.infof("[publication=%s] metainfo fetched from supernode %s", publication.id(), from.node());
            return Optional.of(metainfo);
        } catch (IOException | InvalidMetainfoException e) {
            LOG.warnf(
                    "[publication=%s] metainfo from supernode %s failed: %s",
                    publication.id(), from.node(), e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
