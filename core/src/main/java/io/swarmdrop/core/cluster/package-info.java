/**
 * The cluster state in ZooKeeper, the system of record shared by every supernode and the console.
 *
 * <p>All paths are relative to the Curator namespace {@code swarmdrop} (so {@code /users} is
 * {@code /swarmdrop/users} on the ensemble). Node data is JSON (see {@link io.swarmdrop.core.cluster.Json}).
 *
 * <pre>
 * /users/{user}                        UserRecord {displayName, passwordHash, disabled, createdAt}
 * /users/{user}/devices/{device}       DeviceRecord {hostname, tokenHash, passkeyHash, enrolledAt, lastContact}
 * /users/{user}/groups/{group}         membership index, written with /groups/{group}/members/{user}
 * /users/{user}/pending/{publication}  a publication this user is a target of and has not received
 * /users/{user}/expired/{publication}  a publication that was removed before this user received it
 * /tokens/{sha256(token)}              DeviceRef {user, device}: device token lookup
 * /passkeys/{sha256(passkey)}          DeviceRef {user, device}: tracker passkey lookup
 * /groups/{group}                      GroupRecord {description, createdAt, policy (text form)}
 * /groups/{group}/members/{user}       empty
 * /groups/{group}/published/{v2hash}   publication id: makes publishing the same torrent idempotent
 * /groups/{group}/roots                the id of the group's current peer root, empty once it was retired
 * /groups/{group}/roots/{id}           StoredRoot {certificate, key}: a peer root of SSL torrents (see PeerRoots)
 * /publications/{id}                   Publication {group, name, size, hashes, publisher, origin, zone, createdAt, state}
 * /publications/{id}/targets/{user}    recipients, fixed when the publication is created
 * /publications/{id}/received/{user}   Receipt {device, at}: one idempotent marker per recipient
 * /publications/{id}/removal           Removal {at, reason, expired}: written with the state REMOVED
 * /publications/{id}/holders/{node}    Holder {zone, complete, since}: a supernode has the metainfo and (complete) the whole file
 * /publications/{id}/progress/{user}   Progress {device, done, at}: a recipient's fetch, reported in steps of a tenth
 * /infohashes/{hex40}/{id}             v1 and truncated v2 info-hashes to publication ids, for the tracker
 * /supernodes/{zone}/{node}            EPHEMERAL SupernodeRecord {apiUrl, peerHost, peerPort, passkeyHash, startedAt}
 * /sessions/{user}/{device}            EPHEMERAL {node}: the device has a push channel open on that supernode
 * /leaders/gc                          Curator LeaderLatch: the one supernode that collects garbage
 * /audit/event-{seq}                  AuditEvent: raised on a supernode (an enrolment), waiting for the console to take it
 * </pre>
 *
 * <p>Every change that touches more than one node is one Curator transaction, so a crash never
 * leaves a membership without its index, or a receipt without its pending marker removed.
 * Torrent metainfo and file bytes never go into ZooKeeper: a supernode that needs a publication's
 * metainfo fetches it from a holder and checks it against the info-hash recorded here.
 */
package io.swarmdrop.core.cluster;
