package io.swarmdrop.core.api;

/**
 * A peer a torrent was connected to, as libtorrent reported it the last time the engine sampled
 * it: the peer id from the handshake (hex, the same the tracker records), the remote address, and
 * the payload bytes exchanged with it.
 */
public record PeerConnection(String peerId, String address, long downloaded, long uploaded) {}
