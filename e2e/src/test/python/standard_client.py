#!/usr/bin/python3
"""A standalone BitTorrent client for the end-to-end tests.

It uses Debian's python3-libtorrent (libtorrent-rasterbar, the engine of qBittorrent and Deluge)
with a desktop client's defaults, except for two that only loopback needs: it listens on loopback only
(in this sandbox, connections from a non-loopback address to 127.0.0.1 hang), and it keeps every peer
at one address. By default libtorrent keeps one peer per IP address, the last the tracker named, so
with every peer at 127.0.0.1 it tries a single one: a stopped daemon's, when the tracker names that
one last (CI saw it sit at 0% for 90 seconds; two peers at one address, the dead one named last,
reproduce it). It learns its peers only from the
tracker named in the .torrent file. Usage: standard_client.py TORRENT DEST_DIR TIMEOUT_SECONDS.
Exits 0 once the download is complete and verified, 1 otherwise, printing the tracker's replies.
"""
import sys
import time

import libtorrent as lt

torrent, dest, timeout = sys.argv[1], sys.argv[2], float(sys.argv[3])
session = lt.session({
    "listen_interfaces": "127.0.0.1:0",
    "enable_dht": False,
    "enable_lsd": False,
    "enable_upnp": False,
    "enable_natpmp": False,
    "allow_multiple_connections_per_ip": True,
    "alert_mask": lt.alert.category_t.tracker_notification
    | lt.alert.category_t.error_notification
    | lt.alert.category_t.connect_notification,
})
handle = session.add_torrent({"ti": lt.torrent_info(torrent), "save_path": dest})
deadline = time.time() + timeout
while time.time() < deadline:
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
