package io.swarmdrop.core.cluster;

/** Path builders for the layout documented in {@code package-info.java}. */
public final class ZkLayout {

    /** The Curator namespace every Swarmdrop path lives under. */
    public static final String NAMESPACE = "swarmdrop";

    public static final String USERS = "/users";
    public static final String GROUPS = "/groups";
    public static final String TOKENS = "/tokens";
    public static final String PASSKEYS = "/passkeys";
    public static final String PUBLICATIONS = "/publications";
    public static final String INFOHASHES = "/infohashes";
    public static final String SUPERNODES = "/supernodes";
    public static final String SESSIONS = "/sessions";
    public static final String LEADERS = "/leaders";
    public static final String AUDIT = "/audit";

    private ZkLayout() {}

    public static String user(String user) {
        return USERS + "/" + user;
    }

    public static String devices(String user) {
        return user(user) + "/devices";
    }

    public static String device(String user, String device) {
        return devices(user) + "/" + device;
    }

    public static String userGroups(String user) {
        return user(user) + "/groups";
    }

    public static String userGroup(String user, String group) {
        return userGroups(user) + "/" + group;
    }

    public static String pending(String user) {
        return user(user) + "/pending";
    }

    public static String pending(String user, String publication) {
        return pending(user) + "/" + publication;
    }

    public static String token(String tokenHash) {
        return TOKENS + "/" + tokenHash;
    }

    public static String passkey(String passkeyHash) {
        return PASSKEYS + "/" + passkeyHash;
    }

    public static String group(String group) {
        return GROUPS + "/" + group;
    }

    public static String members(String group) {
        return group(group) + "/members";
    }

    public static String member(String group, String user) {
        return members(group) + "/" + user;
    }

    public static String published(String group) {
        return group(group) + "/published";
    }

    public static String published(String group, String v2hash) {
        return published(group) + "/" + v2hash;
    }

    public static String roots(String group) {
        return group(group) + "/roots";
    }

    public static String root(String group, String id) {
        return roots(group) + "/" + id;
    }

    public static String publication(String id) {
        return PUBLICATIONS + "/" + id;
    }

    public static String targets(String id) {
        return publication(id) + "/targets";
    }

    public static String target(String id, String user) {
        return targets(id) + "/" + user;
    }

    public static String received(String id) {
        return publication(id) + "/received";
    }

    public static String receipt(String id, String user) {
        return received(id) + "/" + user;
    }

    public static String removal(String id) {
        return publication(id) + "/removal";
    }

    public static String holders(String id) {
        return publication(id) + "/holders";
    }

    public static String holder(String id, String node) {
        return holders(id) + "/" + node;
    }

    public static String progress(String id) {
        return publication(id) + "/progress";
    }

    public static String progress(String id, String user) {
        return progress(id) + "/" + user;
    }

    public static String expired(String user) {
        return user(user) + "/expired";
    }

    public static String expired(String user, String publication) {
        return expired(user) + "/" + publication;
    }

    public static String infohash(String hex40) {
        return INFOHASHES + "/" + hex40;
    }

    public static String infohash(String hex40, String publication) {
        return infohash(hex40) + "/" + publication;
    }

    public static String zone(String zone) {
        return SUPERNODES + "/" + zone;
    }

    public static String supernode(String zone, String node) {
        return zone(zone) + "/" + node;
    }

    public static String sessions(String user) {
        return SESSIONS + "/" + user;
    }

    public static String session(String user, String device) {
        return sessions(user) + "/" + device;
    }
}
