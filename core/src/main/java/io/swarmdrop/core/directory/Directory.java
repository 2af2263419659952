package io.swarmdrop.core.directory;

import io.swarmdrop.core.cluster.ClusterStateException;
import io.swarmdrop.core.cluster.Json;
import io.swarmdrop.core.cluster.Names;
import io.swarmdrop.core.cluster.ZkLayout;
import io.swarmdrop.core.security.PasswordHasher;
import io.swarmdrop.core.security.PasswordRule;
import io.swarmdrop.core.security.Secrets;
import io.swarmdrop.policies.GroupPolicy;
import io.swarmdrop.policies.PolicyText;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * Users, devices, groups and members in ZooKeeper. Shared by the supernode and the console, so
 * both read and write the one copy of this state.
 */
public final class Directory {

    private final CuratorFramework zk;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final String dummyHash;
    private final GroupRoots roots;

    public Directory(CuratorFramework zk, PasswordHasher hasher, Clock clock) {
        this.zk = zk;
        this.roots = new GroupRoots(zk);
        this.hasher = hasher;
        this.clock = clock;
        this.dummyHash = hasher.hash(Secrets.newSecret().toCharArray());
    }

    public void createUser(String user, String displayName, char[] password) {
        Names.requireValid("user", user);
        PasswordRule.require(password);
        var record =
                new UserRecord(displayName == null ? user : displayName, hasher.hash(password), false, clock.instant());
        try {
            zk.transaction()
                    .forOperations(
                            zk.transactionOp().create().forPath(ZkLayout.user(user), Json.write(record)),
                            zk.transactionOp().create().forPath(ZkLayout.devices(user)),
                            zk.transactionOp().create().forPath(ZkLayout.userGroups(user)),
                            zk.transactionOp().create().forPath(ZkLayout.pending(user)),
                            zk.transactionOp().create().forPath(ZkLayout.expired(user)));
        } catch (KeeperException.NodeExistsException e) {
            throw new DirectoryException(
                    DirectoryException.Reason.ALREADY_EXISTS, "user '" + user + "' already exists");
        } catch (Exception e) {
            throw ClusterStateException.wrap("create user " + user, e);
        }
    }

    public Optional<UserRecord> findUser(String user) {
        if (!Names.isValid(user)) {
            return Optional.empty();
        }
        return readOptional(ZkLayout.user(user), UserRecord.class);
    }

    public List<String> users() {
        return children(ZkLayout.USERS);
    }

    /**
     * Disables or enables a user. A disabled user cannot sign in, and the tokens and passkeys of
     * their devices stop working at once (they are checked against the user on every use).
     */
    /** The groups' peer roots, which this directory retires whenever a group loses someone. */
    public GroupRoots roots() {
        return roots;
    }

    /** Retires the peer roots of every group of {@code user}: they lost a device or the user. */
    private void retireRootsOf(String user) {
        children(ZkLayout.userGroups(user)).forEach(roots::retire);
    }

    public void setDisabled(String user, boolean disabled) {
        update(ZkLayout.user(user), UserRecord.class, r -> r.withDisabled(disabled), "user '" + user + "'");
        if (disabled) {
            retireRootsOf(user);
        }
    }

    /** Replaces a user's password; enrolled devices keep working (they use tokens, not the password). */
    public void setPassword(String user, char[] password) {
        PasswordRule.require(password);
        String hash = hasher.hash(password);
        update(ZkLayout.user(user), UserRecord.class, r -> r.withPasswordHash(hash), "user '" + user + "'");
    }

    /** Records that a device was in contact now; a device that was revoked meanwhile is left alone. */
    public void touchDevice(String user, String device) {
        try {
            update(
                    ZkLayout.device(user, device),
                    DeviceRecord.class,
                    r -> r.withLastContact(clock.instant()),
                    "device '" + device + "'");
        } catch (DirectoryException e) {
            // Revoked while it connected.
        }
    }

    /**
     * Keeps what a device reports it cannot do on its own, for the console; its last report
     * replaces the one before. At most {@link DeviceRecord#MAX_PROBLEMS}, each cut to
     * {@link DeviceRecord#MAX_PROBLEM} characters.
     */
    public void setDeviceProblems(String user, String device, List<String> problems) {
        if (problems.size() > DeviceRecord.MAX_PROBLEMS) {
            throw new IllegalArgumentException(
                    "at most " + DeviceRecord.MAX_PROBLEMS + " problems, not " + problems.size());
        }
        List<String> kept = problems.stream()
                .map(p -> p.length() > DeviceRecord.MAX_PROBLEM ? p.substring(0, DeviceRecord.MAX_PROBLEM) : p)
                .toList();
        update(ZkLayout.device(user, device), DeviceRecord.class, r -> r.withProblems(kept), "device '" + device + "'");
    }

    /**
     * Checks a password; false for an unknown or disabled user too, so callers cannot tell which. An
     * unknown user is checked against a dummy hash, so the answer takes as long as for a real one
     * and its timing does not tell which user names exist.
     */
    public boolean checkPassword(String user, char[] password) {
        var found = findUser(user).filter(u -> !u.disabled());
        boolean matches =
                hasher.verify(password, found.map(UserRecord::passwordHash).orElse(dummyHash));
        return found.isPresent() && matches;
    }

    /** Enrols a new device of {@code user}: its token and tracker passkey are returned once and stored hashed. */
    public Enrolment enrolDevice(String user, String hostname) {
        requireUser(user);
        String device = Secrets.newId();
        String token = Secrets.newSecret();
        String passkey = Secrets.newSecret();
        var record =
                new DeviceRecord(hostname, Secrets.hash(token), Secrets.hash(passkey), clock.instant(), null, null);
        byte[] ref = Json.write(new DeviceRef(user, device));
        try {
            ensure(ZkLayout.TOKENS);
            ensure(ZkLayout.PASSKEYS);
            zk.transaction()
                    .forOperations(
                            zk.transactionOp().create().forPath(ZkLayout.device(user, device), Json.write(record)),
                            zk.transactionOp().create().forPath(ZkLayout.token(record.tokenHash()), ref),
                            zk.transactionOp().create().forPath(ZkLayout.passkey(record.passkeyHash()), ref));
        } catch (Exception e) {
            throw ClusterStateException.wrap("enrol a device of " + user, e);
        }
        return new Enrolment(user, device, token, passkey);
    }

    public Optional<DeviceRecord> findDevice(String user, String device) {
        if (!Names.isValid(user) || !Names.isValid(device)) {
            return Optional.empty();
        }
        return readOptional(ZkLayout.device(user, device), DeviceRecord.class);
    }

    public List<String> devices(String user) {
        return children(ZkLayout.devices(user));
    }

    /**
     * Revokes a device: its token and passkey stop working at once, and the groups of its user get
     * new peer roots, so what is published from now on is out of the device's reach (the peer
     * certificates it holds end within a day; see {@link GroupRoots}).
     */
    public void revokeDevice(String user, String device) {
        DeviceRecord record = findDevice(user, device)
                .orElseThrow(() -> new DirectoryException(
                        DirectoryException.Reason.NOT_FOUND, "no device '" + device + "' of user '" + user + "'"));
        try {
            zk.transaction()
                    .forOperations(
                            zk.transactionOp().delete().forPath(ZkLayout.token(record.tokenHash())),
                            zk.transactionOp().delete().forPath(ZkLayout.passkey(record.passkeyHash())),
                            zk.transactionOp().delete().forPath(ZkLayout.device(user, device)));
        } catch (Exception e) {
            throw ClusterStateException.wrap("revoke device " + device, e);
        }
        retireRootsOf(user);
    }

    /** The device a token belongs to, if the token is valid and its user is enabled. */
    public Optional<DeviceRef> resolveToken(String token) {
        return resolve(ZkLayout.token(Secrets.hash(token)));
    }

    /** The device a tracker passkey belongs to, if the passkey is valid and its user is enabled. */
    public Optional<DeviceRef> resolvePasskey(String passkey) {
        return resolve(ZkLayout.passkey(Secrets.hash(passkey)));
    }

    private Optional<DeviceRef> resolve(String path) {
        return readOptional(path, DeviceRef.class)
                .filter(ref -> findUser(ref.user()).map(u -> !u.disabled()).orElse(false));
    }

    public void createGroup(String group, String description) {
        Names.requireValid("group", group);
        var record = new GroupRecord(description == null ? "" : description, clock.instant(), "");
        try {
            zk.transaction()
                    .forOperations(
                            zk.transactionOp().create().forPath(ZkLayout.group(group), Json.write(record)),
                            zk.transactionOp().create().forPath(ZkLayout.members(group)),
                            zk.transactionOp().create().forPath(ZkLayout.published(group)));
        } catch (KeeperException.NodeExistsException e) {
            throw new DirectoryException(
                    DirectoryException.Reason.ALREADY_EXISTS, "group '" + group + "' already exists");
        } catch (Exception e) {
            throw ClusterStateException.wrap("create group " + group, e);
        }
    }

    public Optional<GroupRecord> findGroup(String group) {
        if (!Names.isValid(group)) {
            return Optional.empty();
        }
        return readOptional(ZkLayout.group(group), GroupRecord.class);
    }

    /** The group's policy; the default when none was set. */
    public GroupPolicy policy(String group) {
        GroupRecord record = findGroup(group)
                .orElseThrow(
                        () -> new DirectoryException(DirectoryException.Reason.NOT_FOUND, "no group '" + group + "'"));
        return PolicyText.parse(record.policy());
    }

    /**
     * Replaces the group's policy after checking it; a {@link io.swarmdrop.policies.PolicyException}
     * lists every problem. The write is conditional on the version read, so two concurrent edits
     * cannot silently overwrite each other.
     */
    public void setPolicy(String group, String policyText) {
        PolicyText.parse(policyText);
        try {
            var stat = new Stat();
            byte[] data = zk.getData().storingStatIn(stat).forPath(ZkLayout.group(group));
            GroupRecord record = Json.read(data, GroupRecord.class);
            zk.setData()
                    .withVersion(stat.getVersion())
                    .forPath(
                            ZkLayout.group(group), Json.write(record.withPolicy(policyText == null ? "" : policyText)));
        } catch (KeeperException.NoNodeException e) {
            throw new DirectoryException(DirectoryException.Reason.NOT_FOUND, "no group '" + group + "'");
        } catch (KeeperException.BadVersionException e) {
            throw new DirectoryException(
                    DirectoryException.Reason.ALREADY_EXISTS,
                    "the policy of '" + group + "' changed meanwhile; read it again");
        } catch (Exception e) {
            throw ClusterStateException.wrap("set the policy of " + group, e);
        }
    }

    public List<String> groups() {
        return children(ZkLayout.GROUPS);
    }

    public void describeGroup(String group, String description) {
        update(
                ZkLayout.group(group),
                GroupRecord.class,
                r -> r.withDescription(description == null ? "" : description),
                "group '" + group + "'");
    }

    /**
     * Deletes a group that has no members. Its publications keep their own records (and their
     * history) until they are collected.
     */
    public void deleteGroup(String group) {
        requireGroup(group);
        if (!members(group).isEmpty()) {
            throw new DirectoryException(
                    DirectoryException.Reason.REFUSED, "group '" + group + "' still has members; remove them first");
        }
        try {
            zk.delete().deletingChildrenIfNeeded().forPath(ZkLayout.group(group));
        } catch (KeeperException.NoNodeException e) {
            // Deleted concurrently.
        } catch (Exception e) {
            throw ClusterStateException.wrap("delete group " + group, e);
        }
    }

    /** Read, change and write back one record, conditional on the version read, retrying on a race. */
    private <T> void update(String path, Class<T> type, java.util.function.UnaryOperator<T> change, String what) {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                var stat = new Stat();
                T record = Json.read(zk.getData().storingStatIn(stat).forPath(path), type);
                zk.setData().withVersion(stat.getVersion()).forPath(path, Json.write(change.apply(record)));
                return;
            } catch (KeeperException.NoNodeException e) {
                throw new DirectoryException(DirectoryException.Reason.NOT_FOUND, "no " + what);
            } catch (KeeperException.BadVersionException e) {
                // Someone else wrote it meanwhile: read again.
            } catch (Exception e) {
                throw ClusterStateException.wrap("update " + what, e);
            }
        }
        throw new DirectoryException(DirectoryException.Reason.ALREADY_EXISTS, what + " keeps changing; try again");
    }

    /** Adds a member; adding an existing member changes nothing. */
    public void addMember(String group, String user) {
        requireGroup(group);
        requireUser(user);
        if (isMember(group, user)) {
            return;
        }
        try {
            zk.transaction()
                    .forOperations(
                            zk.transactionOp().create().forPath(ZkLayout.member(group, user)),
                            zk.transactionOp().create().forPath(ZkLayout.userGroup(user, group)));
        } catch (KeeperException.NodeExistsException e) {
            // A concurrent add of the same member won: the outcome is the one asked for.
        } catch (Exception e) {
            throw ClusterStateException.wrap("add " + user + " to " + group, e);
        }
    }

    public void removeMember(String group, String user) {
        requireGroup(group);
        if (!isMember(group, user)) {
            throw new DirectoryException(
                    DirectoryException.Reason.NOT_FOUND,
                    "user '" + user + "' is not a member of group '" + group + "'");
        }
        try {
            zk.transaction()
                    .forOperations(
                            zk.transactionOp().delete().forPath(ZkLayout.member(group, user)),
                            zk.transactionOp().delete().forPath(ZkLayout.userGroup(user, group)));
        } catch (Exception e) {
            throw ClusterStateException.wrap("remove " + user + " from " + group, e);
        }
        roots.retire(group);
    }

    public boolean isMember(String group, String user) {
        return Names.isValid(group) && Names.isValid(user) && exists(ZkLayout.member(group, user));
    }

    public List<String> members(String group) {
        requireGroup(group);
        return children(ZkLayout.members(group));
    }

    public List<String> groupsOf(String user) {
        requireUser(user);
        return children(ZkLayout.userGroups(user));
    }

    private void requireUser(String user) {
        if (findUser(user).isEmpty()) {
            throw new DirectoryException(DirectoryException.Reason.NOT_FOUND, "no user '" + user + "'");
        }
    }

    private void requireGroup(String group) {
        if (findGroup(group).isEmpty()) {
            throw new DirectoryException(DirectoryException.Reason.NOT_FOUND, "no group '" + group + "'");
        }
    }

    private void ensure(String path) throws Exception {
        try {
            zk.create().creatingParentsIfNeeded().forPath(path);
        } catch (KeeperException.NodeExistsException e) {
            // Already there, as wanted.
        }
    }

    private boolean exists(String path) {
        try {
            return zk.checkExists().forPath(path) != null;
        } catch (Exception e) {
            throw ClusterStateException.wrap("check " + path, e);
        }
    }

    private List<String> children(String path) {
        try {
            return zk.getChildren().forPath(path).stream().sorted().toList();
        } catch (KeeperException.NoNodeException e) {
            return List.of();
        } catch (Exception e) {
            throw ClusterStateException.wrap("list " + path, e);
        }
    }

    private <T> Optional<T> readOptional(String path, Class<T> type) {
        try {
            return Optional.of(Json.read(zk.getData().forPath(path), type));
        } catch (KeeperException.NoNodeException e) {
            return Optional.empty();
        } catch (Exception e) {
            throw ClusterStateException.wrap("read " + path, e);
        }
    }
}
