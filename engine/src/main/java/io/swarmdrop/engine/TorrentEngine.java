package io.swarmdrop.engine;

import io.swarmdrop.core.api.PeerConnection;
import io.swarmdrop.core.api.TransferStatus;
import io.swarmdrop.core.security.PeerCredential;
import io.swarmdrop.core.torrent.Metainfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.libtorrent4j.AddTorrentParams;
import org.libtorrent4j.AlertListener;
import org.libtorrent4j.SessionManager;
import org.libtorrent4j.SessionParams;
import org.libtorrent4j.SettingsPack;
import org.libtorrent4j.TorrentFlags;
import org.libtorrent4j.TorrentHandle;
import org.libtorrent4j.TorrentInfo;
import org.libtorrent4j.TorrentStatus;
import org.libtorrent4j.Vectors;
import org.libtorrent4j.alerts.Alert;
import org.libtorrent4j.alerts.AlertType;
import org.libtorrent4j.alerts.FileErrorAlert;
import org.libtorrent4j.alerts.ListenFailedAlert;
import org.libtorrent4j.alerts.ListenSucceededAlert;
import org.libtorrent4j.alerts.PeerAlert;
import org.libtorrent4j.alerts.SaveResumeDataAlert;
import org.libtorrent4j.alerts.SocketType;
import org.libtorrent4j.alerts.StateChangedAlert;
import org.libtorrent4j.alerts.TorrentAlert;
import org.libtorrent4j.alerts.TorrentErrorAlert;
import org.libtorrent4j.swig.add_torrent_params;
import org.libtorrent4j.swig.error_code;
import org.libtorrent4j.swig.session_handle;
import org.libtorrent4j.swig.settings_pack;

/**
 * One libtorrent session, keyed by publication id. Supernodes and daemons both use it.
 *
 * <p>The settings are those that LAN and loopback transfers need (docs/ARCHITECTURE.md,
 * "libtorrent"): no DHT, LSD, UPnP or NAT-PMP (swarms are private and found through our tracker),
 * no uTP (it crawls on loopback), several connections per IP (many peers share one address in an
 * office NAT and on loopback), and a trimmed alert mask so the alert queue never overflows.
 */
public final class TorrentEngine implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TorrentEngine.class);

    private final EngineOptions options;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch listening = new CountDownLatch(1);
    private final Map<String, TorrentHandle> handles = new ConcurrentHashMap<>();
    private final Map<String, String> keysByHash = new ConcurrentHashMap<>();
    private final Map<String, String> names = new ConcurrentHashMap<>();
    /** The hidden hard link each seed is opened through when its name cannot cross to libtorrent. */
    private final Map<String, Path> links = new ConcurrentHashMap<>();

    private volatile Path linkFolder;
    /** The last status of each removed torrent; see {@link #lastStatus}. */
    private final Map<String, TransferStatus> lastStatus = new ConcurrentHashMap<>();
    /** Every peer each torrent was seen connected to, by peer id; see {@link #samplePeers()}. */
    private final Map<String, Map<String, PeerConnection>> connections = new ConcurrentHashMap<>();

    /** The peer root of each SSL torrent, and the credential it was last given. */
    private final Map<String, String> peerRoots = new ConcurrentHashMap<>();

    private final Map<String, PeerCredential> applied = new ConcurrentHashMap<>();

    private final List<TransferListener> listeners = new CopyOnWriteArrayList<>();
    private final PeerCredentials credentials;
    private final Announcer announcer;
    private volatile SessionManager session;
    /** The SSL listen port and the plain one (0 until listening; the plain one stays 0 when there is none). */
    private volatile int port;

    private volatile int plainPort;
    private volatile String listenError;

    /** An engine without trackers whose SSL torrents never get a certificate (plain torrents, tests). */
    public TorrentEngine(EngineOptions options) {
        this(options, PeerCredentials.NONE, TrackerAccess.NONE);
    }

    /**
     * @param credentials where SSL torrents get the certificate they show their peers
     * @param trackers how to reach the trackers; libtorrent itself announces nowhere (see {@link Announcer})
     */
    public TorrentEngine(EngineOptions options, PeerCredentials credentials, TrackerAccess trackers) {
        this.options = options;
        this.credentials = credentials;
        this.announcer = new Announcer(this, trackers);
    }

    /**
     * Where the hard links of seeds whose names cannot cross to libtorrent go (see
     * {@link NativeNames}) when that folder is on the same file system as the file, so no hidden
     * entry appears in a person's inbox or outbox. Without one, or on another file system, a link
     * goes beside its file.
     */
    public void keepLinksIn(Path folder) {
        this.linkFolder = folder;
    }

    private Path linkFolderFor(Path saveFolder) {
        Path folder = linkFolder;
        if (folder == null) {
            return saveFolder;
        }
        try {
            Files.createDirectories(folder);
            return Files.getFileStore(folder).equals(Files.getFileStore(saveFolder)) ? folder : saveFolder;
        } catch (IOException e) {
            return saveFolder;
        }
    }

    public void addListener(TransferListener listener) {
        listeners.add(listener);
    }

    /** Starts the session and waits until it listens; may run once. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the torrent engine is already started");
        }
        NativeLibrary.load();
        session = new SessionManager(false);
        session.addListener(new Alerts());
        session.start(new SessionParams(settings()));
        // SessionManager.start() switches on nearly every alert; keep only what we handle.
        session.applySettings(
                new SettingsPack().setInteger(settings_pack.int_types.alert_mask.swigValue(), alertMask()));
        try {
            if (!listening.await(15, TimeUnit.SECONDS) || port == 0 || (options.hasPlainPort() && plainPort == 0)) {
                throw new IllegalStateException("libtorrent could not listen on " + options.listenHost() + ":"
                        + options.listenPort() + (listenError == null ? "" : ": " + listenError));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting libtorrent", e);
        }
        announcer.start();
        LOG.infof(
                "libtorrent listening on %s:%d (TLS, SSL torrents)%s",
                options.listenHost(), port, options.hasPlainPort() ? ", plain LAN torrents on port " + plainPort : "");
    }

    /** The TCP port peers of SSL torrents connect to: every publication through a supernode. */
    public int port() {
        return port;
    }

    /** The TCP port peers of plain torrents (LAN mode) connect to; 0 when there is none. */
    public int plainPort() {
        return plainPort;
    }

    /**
     * Adds a torrent under {@code key}. A seed is added in seed mode (its file is trusted to be
     * complete and pieces are checked lazily as they are sent); a download with resume data
     * continues where it stopped, and without it libtorrent checks whatever is already on disk. A
     * download whose name cannot cross to libtorrent is stored as {@link NativeNames#DOWNLOAD}
     * ({@link NativeNames#forDownload}).
     */
    public void add(
            String key, Metainfo metainfo, Path saveFolder, List<String> trackers, boolean seed, byte[] resumeData) {
        String stored = seed ? metainfo.name() : NativeNames.forDownload(metainfo.name());
        add(key, metainfo, saveFolder, stored, trackers, seed, resumeData);
    }

    /**
     * Adds a torrent whose file is stored under {@code fileName} rather than the torrent's own name,
     * such as a delivered file that got a suffix in the inbox.
     */
    public void add(
            String key,
            Metainfo metainfo,
            Path saveFolder,
            String fileName,
            List<String> trackers,
            boolean seed,
            byte[] resumeData) {
        if (session == null) {
            throw new IllegalStateException("the torrent engine is not running");
        }
        if (handles.containsKey(key)) {
            return;
        }
        String stored = fileName;
        Path savePath = saveFolder;
        if (!NativeNames.crossesUnchanged(fileName)) {
            if (!seed) {
                throw new IllegalArgumentException(
                        "a download's name must cross to libtorrent unchanged: use NativeNames.forDownload");
            }
            savePath = linkFolderFor(saveFolder);
            Path link = NativeNames.link(saveFolder.resolve(fileName), savePath, key);
            links.put(key, link);
            stored = link.getFileName().toString();
        }
        AddTorrentParams params = resumeData == null ? new AddTorrentParams() : fromResumeData(key, resumeData);
        var info = new TorrentInfo(metainfo.bytes());
        // Always, even under the torrent's own name: libtorrent reads that name through its path
        // sanitizer, which drops bidirectional marks and cuts names over 240 bytes, and would then
        // look for a file that is not there. A renamed file keeps the name it is given.
        info.renameFile(0, stored);
        params.setTorrentInfo(info);
        params.setSavePath(savePath.toAbsolutePath().toString());
        // libtorrent announces nowhere; the announcer does, from Java (see Announcer).
        params.setTrackers(new ArrayList<>());
        var flags = params.getFlags().and_(TorrentFlags.AUTO_MANAGED.inv()).and_(TorrentFlags.PAUSED.inv());
        if (seed) {
            flags = flags.or_(TorrentFlags.SEED_MODE);
        }
        params.setFlags(flags);
        params.setUploadLimit(options.uploadLimit() == 0 ? -1 : options.uploadLimit());
        params.setDownloadLimit(options.downloadLimit() == 0 ? -1 : options.downloadLimit());
        var ec = new error_code();
        var handle = new TorrentHandle(session.swig().add_torrent(params.swig(), ec));
        if (ec.value() != 0) {
            throw new IllegalStateException("libtorrent refused torrent " + key + ": " + ec.message());
        }
        keysByHash.put(handle.infoHash().toHex(), key);
        names.put(key, metainfo.name());
        handles.put(key, handle);
        if (metainfo.isSsl()) {
            peerRoots.put(key, metainfo.peerRoot());
            applyCredential(key, handle);
        }
        handle.resume();
        if (!trackers.isEmpty()) {
            List<String> hashes = metainfo.announceHashes();
            announcer.track(key, hashes.get(hashes.size() - 1), metainfo.size(), seed, trackers);
        }
    }

    /**
     * Gives every SSL torrent the current credential for its root: one it has none for yet (no
     * supernode answered when it was added), or one that was renewed. Call it periodically.
     */
    public void renewCertificates() {
        peerRoots.keySet().forEach(key -> {
            TorrentHandle handle = session == null ? null : handles.get(key);
            if (handle != null && handle.isValid()) {
                applyCredential(key, handle);
            }
        });
    }

    private void applyCredential(String key, TorrentHandle handle) {
        String root = peerRoots.get(key);
        Optional<PeerCredential> credential;
        try {
            credential = root == null ? Optional.empty() : credentials.forRoot(root);
        } catch (RuntimeException e) {
            LOG.warnf("[transfer=%s] no peer certificate yet: %s", key, e.getMessage());
            return;
        }
        if (credential.isEmpty()) {
            LOG.debugf("[transfer=%s] no peer certificate for its root: it exchanges nothing yet", key);
            return;
        }
        PeerCredential current = credential.get();
        if (current.equals(applied.get(key))) {
            return;
        }
        // Buffers, not files: this native's OpenSSL is built without file I/O. The key exchange is
        // ECDHE; libtorrent still wants Diffie-Hellman parameters, so give it the RFC 7919 group.
        handle.swig()
                .set_ssl_certificate_buffer_ex(
                        Vectors.bytes2byte_vector(current.certificatePem().getBytes(StandardCharsets.US_ASCII)),
                        Vectors.bytes2byte_vector(current.privateKeyPem().getBytes(StandardCharsets.US_ASCII)),
                        Vectors.bytes2byte_vector(DhParameters.FFDHE2048.getBytes(StandardCharsets.US_ASCII)));
        applied.put(key, current);
    }

    private AddTorrentParams fromResumeData(String key, byte[] resumeData) {
        var ec = new error_code();
        add_torrent_params p =
                org.libtorrent4j.swig.libtorrent.read_resume_data_ex(Vectors.bytes2byte_vector(resumeData), ec);
        if (ec.value() != 0) {
            LOG.warnf(
                    "[transfer=%s] resume data unreadable (%s); checking the files on disk instead", key, ec.message());
            return new AddTorrentParams();
        }
        return new AddTorrentParams(p);
    }

    /** Connects a torrent to a peer directly, without a tracker (tests, and LAN peers found by multicast). */
    public void connect(String key, String host, int peerPort) {
        TorrentHandle handle = session == null ? null : handles.get(key);
        if (handle != null && handle.isValid()) {
            handle.swig().connect_peer(new org.libtorrent4j.TcpEndpoint(host, peerPort).swig());
        }
    }

    /** True if libtorrent stopped the torrent on an error (a full disk, a missing folder). */
    public boolean hasError(String key) {
        TorrentHandle handle = session == null ? null : handles.get(key);
        if (handle == null || !handle.isValid()) {
            return false;
        }
        TorrentStatus status = handle.status();
        var error = status == null ? null : status.errorCode();
        return error != null && error.isError();
    }

    /**
     * Clears a torrent's error (a full disk, a missing folder) and lets it run again; true when
     * there was an error to clear. libtorrent pauses a torrent on such errors and never retries.
     */
    public boolean retryFailed(String key) {
        TorrentHandle handle = session == null ? null : handles.get(key);
        if (handle == null || !handle.isValid()) {
            return false;
        }
        TorrentStatus status = handle.status();
        var error = status == null ? null : status.errorCode();
        if (error == null || !error.isError()) {
            return false;
        }
        handle.swig().clear_error();
        handle.resume();
        return true;
    }

    /**
     * Announces again now, ignoring the tracker's interval: for a fetch that has no peers yet
     * because its first announce came before the publisher's.
     */
    public void reannounce(String key) {
        announcer.now(key);
    }

    public boolean contains(String key) {
        return handles.containsKey(key);
    }

    /**
     * Replaces the trackers of every torrent that has any, for when the set of supernodes changed.
     * Torrents announce to all of them, so peers known to any one are found.
     */
    public void replaceTrackers(List<String> trackers) {
        announcer.replaceTrackers(trackers);
    }

    /**
     * Records the peers every torrent is connected to now, with the bytes exchanged so far. Called
     * every second or so, it keeps a record of who each torrent talked to (operators, and the tests
     * that prove zone isolation); a connection shorter than the period may be missed.
     */
    public void samplePeers() {
        if (session == null) {
            return;
        }
        handles.forEach((key, handle) -> {
            if (!handle.isValid()) {
                return;
            }
            var vector = new org.libtorrent4j.swig.peer_info_vector();
            handle.swig().get_peer_info(vector);
            Map<String, PeerConnection> seen = connections.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
            // Each peer_info is a view into the vector: keep it reachable until the last is read.
            try {
                for (int i = 0; i < vector.size(); i++) {
                    org.libtorrent4j.swig.peer_info peer = vector.get(i);
                    String id = new org.libtorrent4j.Sha1Hash(peer.getPid()).toHex();
                    var endpoint = peer.getIp();
                    String address = endpoint.address().to_string() + ":" + endpoint.port();
                    seen.merge(
                            id,
                            new PeerConnection(id, address, peer.getTotal_download(), peer.getTotal_upload()),
                            (old, now) -> new PeerConnection(
                                    id,
                                    now.address(),
                                    Math.max(old.downloaded(), now.downloaded()),
                                    Math.max(old.uploaded(), now.uploaded())));
                }
            } finally {
                java.lang.ref.Reference.reachabilityFence(vector);
            }
        });
    }

    /**
     * Records every connection as libtorrent makes or ends it, so even a transfer shorter than the
     * sampling period leaves its peers on record (byte counts come from {@link #samplePeers()}).
     */
    private void recordConnection(PeerAlert<?> alert) {
        String key = keyOf(alert);
        if (key == null) {
            return;
        }
        var endpoint = alert.endpoint();
        String address = endpoint.address() + ":" + endpoint.port();
        String id = alert.peerId() == null || alert.peerId().isAllZeros()
                ? address
                : alert.peerId().toHex();
        connections
                .computeIfAbsent(key, k -> new ConcurrentHashMap<>())
                .putIfAbsent(id, new PeerConnection(id, address, 0, 0));
    }

    /**
     * Every peer the torrent was seen connected to in this process (see {@link #samplePeers()}).
     * The record outlives the torrent's removal, so a delivered file's fetch can still be inspected.
     */
    public List<PeerConnection> connections(String key) {
        return List.copyOf(connections.getOrDefault(key, Map.of()).values());
    }

    /** Removes a torrent; with {@code deleteFiles} libtorrent also deletes what it downloaded. */
    public void remove(String key, boolean deleteFiles) {
        status(key).ifPresent(last -> lastStatus.put(key, last));
        announcer.untrack(key);
        TorrentHandle handle = handles.remove(key);
        if (handle == null || session == null) {
            return;
        }
        keysByHash.values().remove(key);
        names.remove(key);
        Path link = links.remove(key);
        peerRoots.remove(key);
        applied.remove(key);
        if (!handle.isValid()) {
            // Already gone from libtorrent: the same torrent under another key was removed first.
            return;
        }
        if (deleteFiles) {
            session.swig().remove_torrent(handle.swig(), session_handle.delete_files);
        } else {
            session.swig().remove_torrent(handle.swig());
        }
        if (link != null) {
            NativeNames.unlink(link);
        }
    }

    /** Asks for resume data; it arrives through {@link TransferListener#resumeData}. */
    public void saveResumeData(String key) {
        TorrentHandle handle = session == null ? null : handles.get(key);
        if (handle != null && handle.isValid()) {
            handle.saveResumeData(TorrentHandle.SAVE_INFO_DICT);
        }
    }

    /**
     * The torrent's status now, or as it was when it was removed: byte counters of a copy that was
     * dropped (by placement, or delivered and re-added) stay readable for the life of the process.
     */
    public Optional<TransferStatus> lastStatus(String key) {
        return status(key).or(() -> Optional.ofNullable(lastStatus.get(key)));
    }

    public Optional<TransferStatus> status(String key) {
        TorrentHandle handle = session == null ? null : handles.get(key);
        if (handle == null || !handle.isValid()) {
            return Optional.empty();
        }
        // libtorrent4j answers null when the handle went invalid between the check and the call
        // (a torrent removed, or not yet fully added: seen when placement joined and a removal
        // dropped it at once).
        TorrentStatus status = handle.status();
        return status == null ? Optional.empty() : Optional.of(snapshot(key, names.get(key), status));
    }

    public List<TransferStatus> statuses() {
        var all = new ArrayList<TransferStatus>();
        if (session == null) {
            return all;
        }
        handles.forEach((key, handle) -> {
            TorrentStatus status = handle.isValid() ? handle.status() : null;
            if (status != null) {
                all.add(snapshot(key, names.get(key), status));
            }
        });
        return all;
    }

    /** libtorrent's status omits the name unless asked; ours comes from the metainfo. */
    private static TransferStatus snapshot(String key, String name, TorrentStatus s) {
        var error = s.errorCode();
        return new TransferStatus(
                key,
                name,
                s.state().name(),
                s.progress(),
                s.totalDone(),
                s.totalWanted(),
                s.totalPayloadDownload(),
                s.totalPayloadUpload(),
                s.numPeers(),
                s.numSeeds(),
                s.downloadPayloadRate(),
                s.uploadPayloadRate(),
                s.isFinished() || s.isSeeding(),
                error != null && error.isError() ? error.getMessage() : null);
    }

    @Override
    public void close() {
        announcer.close();
        SessionManager current = session;
        if (current != null) {
            // Callers check session before touching a handle; clear it first so none does afterwards.
            session = null;
            handles.clear();
            current.stop();
        }
    }

    private SettingsPack settings() {
        var pack = new SettingsPack();
        // The "s" marks libtorrent's SSL listen socket: SSL torrents take peers there only, and a
        // plain connection for one is dropped on either socket.
        String interfaces = options.listenHost() + ":" + options.listenPort() + "s";
        if (options.hasPlainPort()) {
            interfaces += "," + options.listenHost() + ":" + options.plainPort();
        }
        pack.listenInterfaces(interfaces);
        bool(pack, settings_pack.bool_types.enable_dht, false);
        bool(pack, settings_pack.bool_types.enable_lsd, false);
        bool(pack, settings_pack.bool_types.enable_upnp, false);
        bool(pack, settings_pack.bool_types.enable_natpmp, false);
        bool(pack, settings_pack.bool_types.enable_outgoing_utp, false);
        bool(pack, settings_pack.bool_types.enable_incoming_utp, false);
        bool(pack, settings_pack.bool_types.allow_multiple_connections_per_ip, true);
        // A 64 KiB delivery in the end-to-end tests sometimes stalled for exactly 60 s, libtorrent's
        // default time before a block request that got no answer is sent to another peer. On a LAN
        // a 16 KiB block that takes more than 10 s is lost, not slow.
        pack.setInteger(settings_pack.int_types.request_timeout.swigValue(), 10);
        pack.setInteger(settings_pack.int_types.piece_timeout.swigValue(), 10);
        // No tracker settings: torrents are added without trackers, and the Announcer announces
        // from Java (libtorrent4j's OpenSSL cannot check a tracker's certificate, finding A5).
        pack.setString(settings_pack.string_types.dht_bootstrap_nodes.swigValue(), "");
        pack.setString(settings_pack.string_types.user_agent.swigValue(), "Swarmdrop/0.1 libtorrent/2.0.6");
        return pack;
    }

    private static void bool(SettingsPack pack, settings_pack.bool_types key, boolean value) {
        pack.setBoolean(key.swigValue(), value);
    }

    private static int alertMask() {
        return Alert.ERROR_NOTIFICATION
                .or_(Alert.STATUS_NOTIFICATION)
                .or_(Alert.STORAGE_NOTIFICATION)
                .or_(Alert.TRACKER_NOTIFICATION)
                .or_(Alert.CONNECT_NOTIFICATION)
                .to_int();
    }

    private String keyOf(Alert<?> alert) {
        if (alert instanceof TorrentAlert<?> torrentAlert) {
            return keysByHash.get(torrentAlert.handle().infoHash().toHex());
        }
        return null;
    }

    /** Runs on libtorrent's alert thread: copies what it needs out of each alert and returns quickly. */
    private final class Alerts implements AlertListener {
        @Override
        public int[] types() {
            return new int[] {
                AlertType.LISTEN_SUCCEEDED.swig(),
                AlertType.LISTEN_FAILED.swig(),
                AlertType.TORRENT_FINISHED.swig(),
                AlertType.STATE_CHANGED.swig(),
                AlertType.SAVE_RESUME_DATA.swig(),
                AlertType.TORRENT_ERROR.swig(),
                AlertType.FILE_ERROR.swig(),
                AlertType.TRACKER_ERROR.swig(),
                AlertType.PEER_CONNECT.swig(),
                AlertType.PEER_DISCONNECTED.swig()
            };
        }

        @Override
        public void alert(Alert<?> alert) {
            try {
                dispatch(alert);
            } catch (RuntimeException e) {
                LOG.errorf(e, "failed to handle libtorrent alert %s", alert.type());
            }
        }

        private void dispatch(Alert<?> alert) {
            switch (alert.type()) {
                case LISTEN_SUCCEEDED -> {
                    var a = (ListenSucceededAlert) alert;
                    if (a.socketType() == SocketType.TCP_SSL) {
                        port = a.port();
                    } else if (a.socketType() == SocketType.TCP) {
                        plainPort = a.port();
                    }
                    if (port != 0 && (!options.hasPlainPort() || plainPort != 0)) {
                        listening.countDown();
                    }
                }
                case LISTEN_FAILED -> {
                    var a = (ListenFailedAlert) alert;
                    if (a.socketType() == SocketType.TCP || a.socketType() == SocketType.TCP_SSL) {
                        listenError = a.message();
                        listening.countDown();
                    }
                }
                case TORRENT_FINISHED -> {
                    String key = keyOf(alert);
                    if (key != null) {
                        listeners.forEach(l -> l.finished(key));
                    }
                }
                // The finished alert sometimes comes before the status shows the torrent complete
                // (see Inbox); the change to finished or seeding is told as well, so listeners
                // need not wait for their next round. They treat a repeated finish as one.
                case STATE_CHANGED -> {
                    var state = ((StateChangedAlert) alert).getState();
                    String key = keyOf(alert);
                    if (key != null
                            && (state == TorrentStatus.State.FINISHED || state == TorrentStatus.State.SEEDING)) {
                        listeners.forEach(l -> l.finished(key));
                    }
                }
                case SAVE_RESUME_DATA -> {
                    String key = keyOf(alert);
                    if (key != null) {
                        byte[] data = AddTorrentParams.writeResumeDataBuf(((SaveResumeDataAlert) alert).params());
                        listeners.forEach(l -> l.resumeData(key, data));
                    }
                }
                case TORRENT_ERROR, FILE_ERROR -> {
                    String key = keyOf(alert);
                    String message = alert instanceof TorrentErrorAlert t
                            ? t.error().getMessage() + " (" + t.filename() + ")"
                            : ((FileErrorAlert) alert).error().getMessage() + " (" + ((FileErrorAlert) alert).filename()
                                    + ")";
                    LOG.errorf("[transfer=%s] libtorrent error: %s", key, message);
                    if (key != null) {
                        listeners.forEach(l -> l.failed(key, message));
                    }
                }
                case TRACKER_ERROR -> LOG.debugf("[transfer=%s] tracker: %s", keyOf(alert), alert.message());
                case PEER_CONNECT, PEER_DISCONNECTED -> recordConnection((PeerAlert<?>) alert);
                default -> {}
            }
        }
    }
}
