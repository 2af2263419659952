/**
 * The cluster state in ZooKeeper, the system of record shared by every supernode and the console.
 *
 * <p>All paths are relative to the Curator namespace {@code swarmdrop} (so {@code /users} is
 * {@code /swarmdrop/users} on the ensemble). Node data is JSON (see {@link io.swarmdrop.core.cluster.Json}).
 *
 * <pre>
 * /users/{user}                        UserRecord {displayName, passwordHash, disabled, createdAt}
 * /users/{user}/devices/{device}       DeviceRecord {hostname, tokenHash, passkeyHash, enrolledAt}
 * /users/{user}/groups/{group}         membership index, written with /groups/{group}/members/{user}
 * /users/{user}/pending/{publication}  a publication this user is a target of and has not received
 * /users/{user}/expired/{publication}  a publication that was removed before this user received it
 * /tokens/{sha256(token)}              DeviceRef {user, device}: device token lookup
 * /passkeys/{sha256(passkey)}          DeviceRef {user, device}: tracker passkey lookup
 * /groups/{group}                      GroupRecord {description, createdAt, policy (text form)}
 * /groups/{group}/members/{user}       empty
 * /groups/{group}/published/{v2hash}   publication id: makes publishing the same torrent idempotent
 * /publications/{id}                   Publication {group, name, size, hashes, publisher, origin, createdAt, state}
 * /publications/{id}/targets/{user}    recipients, fixed when the publication is created
 * /publications/{id}/received/{user}   Receipt {device, at}: one idempotent marker per recipient
 * /publications/{id}/removal           Removal {at, reason, expired}: written with the state REMOVED
 * /infohashes/{hex40}/{id}             v1 and truncated v2 info-hashes to publication ids, for the tracker
 * /supernodes/{zone}/{node}            EPHEMERAL SupernodeRecord {apiUrl, peerPort, startedAt}
 * /sessions/{user}/{device}            EPHEMERAL {node}: the device has a push channel open on that supernode
 * /leaders/gc                          Curator LeaderLatch: the one supernode that collects garbage
 * </pre>
 *
 * <p>Every change that touches more than one node is one Curator transaction, so a crash never
 * leaves a membership without its index, or a receipt without its pending marker removed.
 * Torrent metainfo and file bytes never go into ZooKeeper.
 */
package io.swarmdrop.core.cluster;
