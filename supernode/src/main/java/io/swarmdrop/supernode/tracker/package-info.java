/**
 * The HTTP BitTorrent tracker (BEP 3, compact peers BEP 23, IPv6 peers BEP 7).
 *
 * <p>Rules:
 * <ul>
 *   <li>The announce URL is {@code /announce?pk=<passkey>}: libtorrent refuses other paths on
 *       localhost (SSRF mitigation), and standard clients keep the query when they append theirs.
 *   <li>The passkey is a device's (see the directory) or a live supernode's. Anything else, and any
 *       malformed announce, is answered with HTTP 200 and a bencoded {@code failure reason}, as
 *       clients expect.
 *   <li>A device may announce only for publications of groups its user is a member of; the
 *       publication must not be removed.
 *   <li>Hybrid torrents announce twice, under the v1 info-hash and the truncated v2 info-hash; both
 *       map to one swarm (the publication's full v2 hash), so peers of either announce meet.
 *   <li>Peers are kept in memory and forgotten after three intervals without an announce, or at
 *       {@code event=stopped}.
 *   <li>Zones: a device is in this tracker's zone (daemons announce only to the supernodes of their
 *       zone), a supernode in its own. A device gets the peers of its zone; a supernode gets the
 *       peers of its zone and the supernodes of every zone. Bytes therefore cross zones between
 *       supernodes only. Every supernode is a tracker of every swarm and clients announce to all of
 *       them, so no tracker state is shared.
 *   <li>A device of this zone that announces it still lacks a file fires a {@code Demand}, so the
 *       zone's carrier supernode joins the swarm at once.
 * </ul>
 */
package io.swarmdrop.supernode.tracker;
