/**
 * Wire messages between daemons and supernodes (JSON over HTTP).
 *
 * <p>Daemon API, every call but login carries {@code Authorization: Bearer <device token>}:
 * <pre>
 * POST /api/login                            LoginRequest -> Enrolment (401 on a wrong password)
 * GET  /api/me                               -> Me: the user's groups and who in them is online
 * GET  /api/supernodes                       -> Supernodes: the live supernodes of every zone, and the answering one's zone
 * GET  /api/ping                             no token needed -> 204: a daemon times it to choose the nearest supernode
 * POST /api/groups/{group}/publications      torrent metainfo (application/x-bittorrent) -> PublicationView
 *                                            201 when new, 200 when the same torrent was already published there
 * GET  /api/publications                     -> [PublicationView] of the caller's groups, newest first
 * GET  /api/publications/pending             -> [PublicationView], oldest first
 * GET  /api/publications/expired            -> [PublicationView] removed before this user received them
 * DELETE /api/publications/expired/{id}      the daemon has reported it -> 204
 * GET  /api/publications/{id}                -> PublicationView with its state (ACTIVE ... REMOVED)
 * GET  /api/publications/{id}/torrent        -> metainfo bytes
 * PUT  /api/publications/{id}/progress       {"done": bytes} how far this device's fetch is (sent each tenth) -> 204
 * PUT  /api/publications/{id}/receipt        acknowledge the whole, verified file (idempotent) -> 204
 * GET  /api/events                           server-sent events, see below
 * </pre>
 * Errors are {@code {"error": "..."}} with 400 (bad input), 401 (no or bad token), 403 (not a member
 * or recipient), 404, 409, 422 (the group's policy refuses the file, with the reason) or 503
 * (ZooKeeper unavailable).
 *
 * <p>Push channel ({@code text/event-stream}): {@code hello} once the channel is registered (the
 * daemon then asks for its pending publications, which closes any gap while it was away),
 * {@code publication} with a {@link io.swarmdrop.core.api.PublicationView} for each new
 * publication the device's user is a target of, and {@code ping} every few seconds.
 */
package io.swarmdrop.core.api;
