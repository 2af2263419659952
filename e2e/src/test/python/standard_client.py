#!/usr/bin/python3
"""A standalone BitTorrent client for the end-to-end tests.

It uses Debian's python3-libtorrent (libtorrent-rasterbar, the engine of qBittorrent and Deluge)
with a desktop client's defaults, except for two that only loopback needs: it listens on loopback only
(in this sandbox, connections from a non-loopback address to 127.0.0.1 hang), and it keeps every peer
at one address. By default libtorrent keeps one peer per IP address, the last the tracker named, so
with every peer at 127.0.0.1 it tries a single one: a stopped daemon's, when the tracker names that
one last (CI saw it sit at 0% for 90 seconds; two peers at one address, the dead one named last,
reproduce it).

Swarmdrop's torrents are SSL torrents: the client shows the peer certificate (with its key and
Diffie-Hellman parameters) it is given, as PEM files, on its SSL listen socket. libtorrent announces
an SSL torrent over HTTPS with the torrent's own TLS context, which trusts the peer root and not the
tracker's CA, so this client announces itself, as Swarmdrop's daemons do: to the tracker named in
the .torrent file, with Python's HTTPS client (trusting SSL_CERT_FILE), and hands the peers it names
to libtorrent. Usage: standard_client.py TORRENT DEST_DIR TIMEOUT_SECONDS CERT KEY DH.
Exits 0 once the download is complete and verified, 1 otherwise, printing the tracker's replies.
"""
import hashlib
import os
import ssl
import sys
import time
import urllib.parse
import urllib.request

import socket

import libtorrent as lt

torrent, dest, timeout = sys.argv[1], sys.argv[2], float(sys.argv[3])
certificate, key, dh = sys.argv[4], sys.argv[5], sys.argv[6]
# The binding has no ssl_listen_port(): choose the SSL port here, so the announce can name it.
with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    ssl_port = probe.getsockname()[1]
session = lt.session({
    "listen_interfaces": "127.0.0.1:0,127.0.0.1:%ds" % ssl_port,
    "enable_dht": False,
    "enable_lsd": False,
    "enable_upnp": False,
    "enable_natpmp": False,
    "allow_multiple_connections_per_ip": True,
    "alert_mask": lt.alert.category_t.error_notification
    | lt.alert.category_t.connect_notification,
})
info = lt.torrent_info(torrent)
announce = next(iter(info.trackers())).url
raw = lt.bdecode(open(torrent, "rb").read())
infohash = hashlib.sha256(lt.bencode(raw[b"info"])).digest()[:20]
handle = session.add_torrent({"ti": info, "save_path": dest, "trackers": []})
handle.replace_trackers([])
handle.set_ssl_certificate(certificate, key, dh)
context = ssl.create_default_context(cafile=os.environ["SSL_CERT_FILE"])


def announce_once(event):
    status = handle.status()
    query = urllib.parse.urlencode({
        "info_hash": infohash,
        "peer_id": b"-PY0100-" + os.urandom(6).hex().encode()[:12],
        "port": ssl_port,
        "uploaded": status.total_payload_upload,
        "downloaded": status.total_payload_download,
        "left": max(0, status.total_wanted - status.total_wanted_done),
        "compact": 1,
        "event": event,
    })
    separator = "&" if "?" in announce else "?"
    with urllib.request.urlopen(announce + separator + query, context=context, timeout=10) as response:
        answer = lt.bdecode(response.read())
    if b"failure reason" in answer:
        print("tracker refused: %s" % answer[b"failure reason"].decode(), flush=True)
        return
    peers = answer.get(b"peers", b"")
    print("received peers: %d from the tracker" % (len(peers) // 6), flush=True)
    for i in range(0, len(peers) - 5, 6):
        ip = ".".join(str(b) for b in peers[i:i + 4])
        port = peers[i + 4] << 8 | peers[i + 5]
        handle.connect_peer((ip, port))


deadline = time.time() + timeout
next_announce, event = 0, "started"
while time.time() < deadline:
    if time.time() >= next_announce:
        try:
            announce_once(event)
            event = ""
        except OSError as e:
            print("announce failed: %s" % e, flush=True)
        next_announce = time.time() + 5
    for alert in session.pop_alerts():
        print(alert.message(), flush=True)
    status = handle.status()
    if status.is_seeding:
        print("complete: %d payload bytes downloaded" % status.total_payload_download, flush=True)
        sys.exit(0)
    time.sleep(0.2)
for peer in handle.get_peer_info():
    print("peer %s:%d downloaded %d bytes" % (peer.ip[0], peer.ip[1], peer.total_download), flush=True)
print("timed out in state %s at %.1f%%" % (handle.status().state, handle.status().progress * 100), flush=True)
sys.exit(1)
