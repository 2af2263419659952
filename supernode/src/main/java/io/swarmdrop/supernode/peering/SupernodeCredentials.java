package io.swarmdrop.supernode.peering;

import io.swarmdrop.core.directory.GroupRoots;
import io.swarmdrop.core.security.PeerCredential;
import io.swarmdrop.core.security.PeerRoots;
import io.swarmdrop.engine.PeerCredentials;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The supernode's own peer certificates: it joins the swarms of every group, so it issues itself
 * one for each root it seeds, from the roots in ZooKeeper. The key pair lives in memory only and is
 * made anew at each start.
 */
public final class SupernodeCredentials implements PeerCredentials {

    private final GroupRoots roots;
    private final String node;
    private final Clock clock;
    private final KeyPair keys = PeerRoots.newKeyPair();
    private final String privateKey = PeerRoots.privateKeyPem(keys.getPrivate());
    private final Map<String, PeerCredential> issued = new ConcurrentHashMap<>();

    public SupernodeCredentials(GroupRoots roots, String node, Clock clock) {
        this.roots = roots;
        this.node = node;
        this.clock = clock;
    }

    @Override
    public Optional<PeerCredential> forRoot(String rootPem) {
        String id = PeerRoots.idOf(rootPem);
        PeerCredential current = issued.get(id);
        if (current != null && !current.isRenewalDue(clock.instant())) {
            return Optional.of(current);
        }
        Optional<String> group = PeerRoots.groupOf(rootPem);
        // Only a root that ZooKeeper holds for that group: a torrent cannot make us sign for another.
        Optional<PeerRoots.Root> root = group.flatMap(g -> roots.find(g, id));
        if (root.isEmpty()) {
            return Optional.empty();
        }
        PeerCredential made =
                PeerRoots.issue(root.get(), keys.getPublic(), "supernode:" + node, "supernode:" + node, group.get());
        made = made.withKey(privateKey);
        issued.put(id, made);
        return Optional.of(made);
    }
}
