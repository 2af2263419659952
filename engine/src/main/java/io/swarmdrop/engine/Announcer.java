package io.swarmdrop.engine;

import io.swarmdrop.core.api.TransferStatus;
import io.swarmdrop.core.bencode.Bencode;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Announces the engine's torrents to Swarmdrop's trackers from Java and hands the peers they name
 * to libtorrent. libtorrent itself announces nowhere: its native cannot check an HTTPS tracker's
 * certificate (finding A5), and it announces an SSL torrent with the torrent's own TLS context,
 * which trusts the peer root only, so such an announce never reaches an HTTPS tracker. Here the
 * JDK's client checks the tracker against the cluster's CA, and the passkey travels in the
 * {@code Authorization} header, not in the URL.
 *
 * <p>Each tracker of each torrent is announced to on its own clock: at once when added, then at
 * the tracker's interval, sooner (its minimum interval, at least 5 s) while an unfinished torrent
 * has no peer, and with a growing back-off after a failure. One request per tracker and torrent is
 * in flight at a time.
 */
final class Announcer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Announcer.class);
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long MIN_INTERVAL = 5;
    private static final long MAX_INTERVAL = 30 * 60;
    private static final int NUMWANT = 50;
    /** Most peers taken from one answer; a tracker answering more is not trusted with the rest. */
    private static final int MAX_PEERS = 200;

    /** One torrent's announces to one tracker. */
    private static final class Schedule {
        volatile long nextMillis;
        volatile long lastMillis;
        volatile boolean inFlight;
        volatile boolean started;
        volatile boolean completed;
        volatile long interval = 60;
        volatile long minInterval = MIN_INTERVAL;
        volatile int failures;
    }

    /**
     * A torrent as announced. Each addition gets its own peer id, so the "stopped" of a copy that
     * was removed (a delivered file re-added from the inbox) cannot end the record of the next.
     */
    private record Target(String key, String infohash, long size, boolean seed, byte[] peerId, List<String> trackers) {}

    private final TorrentEngine engine;
    private final TrackerAccess access;
    private final Map<String, Target> targets = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Schedule>> schedules = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        var thread = new Thread(r, "announcer");
        thread.setDaemon(true);
        return thread;
    });

    Announcer(TorrentEngine engine, TrackerAccess access) {
        this.engine = engine;
        this.access = access;
    }

    void start() {
        if (access.http() != null) {
            timer.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Announces {@code key}, under the 20-byte hash {@code infohash} (hex), to {@code trackers} from now on. */
    void track(String key, String infohash, long size, boolean seed, List<String> trackers) {
        targets.put(key, new Target(key, infohash, size, seed, newPeerId(), List.copyOf(trackers)));
        schedules.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).keySet().retainAll(trackers);
        // At once, not at the next tick: a delivered file re-added from the inbox must reach the
        // tracker before its receipt lets the collector remove the publication.
        tickSoon();
    }

    private void tickSoon() {
        if (access.http() != null && !timer.isShutdown()) {
            timer.execute(this::tick);
        }
    }

    void replaceTrackers(List<String> trackers) {
        targets.replaceAll((key, target) -> new Target(
                key, target.infohash(), target.size(), target.seed(), target.peerId(), List.copyOf(trackers)));
        schedules.values().forEach(byTracker -> byTracker.keySet().retainAll(trackers));
    }

    /** Announces {@code key} again at the next tick, whatever the intervals say. */
    void now(String key) {
        schedules.getOrDefault(key, Map.of()).values().forEach(s -> s.nextMillis = 0);
        tickSoon();
    }

    /** Stops announcing {@code key}, telling the trackers it announced to that it left. */
    void untrack(String key) {
        Target target = targets.remove(key);
        Map<String, Schedule> byTracker = schedules.remove(key);
        if (target == null || byTracker == null || access.http() == null) {
            return;
        }
        byTracker.forEach((tracker, schedule) -> {
            if (schedule.started) {
                send(target, tracker, "stopped", null);
            }
        });
    }

    private void tick() {
        try {
            long now = System.currentTimeMillis();
            String passkey = access.passkey().get();
            if (passkey == null) {
                return;
            }
            for (Target target : targets.values()) {
                // libtorrent has no status for a torrent it is still adding: go by how it was added.
                Optional<TransferStatus> status = engine.status(target.key());
                boolean finished = status.map(TransferStatus::finished).orElse(target.seed());
                int peers = status.map(TransferStatus::peers).orElse(0);
                Map<String, Schedule> byTracker =
                        schedules.computeIfAbsent(target.key(), k -> new ConcurrentHashMap<>());
                for (String tracker : target.trackers()) {
                    Schedule schedule = byTracker.computeIfAbsent(tracker, t -> new Schedule());
                    boolean alone = !finished && peers == 0;
                    long due = alone
                            ? Math.min(schedule.nextMillis, schedule.lastMillis + schedule.minInterval * 1000)
                            : schedule.nextMillis;
                    boolean justCompleted = finished && schedule.started && !schedule.completed;
                    if (!schedule.inFlight && (now >= due || justCompleted)) {
                        String event = !schedule.started ? "started" : justCompleted ? "completed" : null;
                        schedule.inFlight = true;
                        schedule.lastMillis = now;
                        send(target, tracker, event, schedule).whenComplete((ok, e) -> schedule.inFlight = false);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "announcing failed");
        }
    }

    private java.util.concurrent.CompletableFuture<Void> send(
            Target target, String tracker, String event, Schedule schedule) {
        String passkey = access.passkey().get();
        Optional<TransferStatus> status = engine.status(target.key()).or(() -> engine.lastStatus(target.key()));
        long uploaded = status.map(TransferStatus::uploaded).orElse(0L);
        long downloaded = status.map(TransferStatus::downloaded).orElse(0L);
        long left =
                status.map(s -> Math.max(0, s.totalWanted() - s.totalDone())).orElse(target.seed() ? 0 : target.size());
        String query = "info_hash=" + percent(HexFormat.of().parseHex(target.infohash()))
                + "&peer_id=" + percent(target.peerId())
                + "&port=" + engine.port()
                + "&uploaded=" + uploaded
                + "&downloaded=" + downloaded
                + "&left=" + left
                + "&compact=1&numwant=" + NUMWANT
                + (event == null ? "" : "&event=" + event);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(tracker + "?" + query))
                    .timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + passkey)
                    .GET()
                    .build();
        } catch (IllegalArgumentException e) {
            LOG.warnf("[transfer=%s] tracker URL %s unusable: %s", target.key(), tracker, e.getMessage());
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        return access.http()
                .sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    if (schedule != null) {
                        answered(target, tracker, event, schedule, response, failure);
                    }
                    return null;
                });
    }

    private void answered(
            Target target,
            String tracker,
            String event,
            Schedule schedule,
            HttpResponse<byte[]> response,
            Throwable failure) {
        long now = System.currentTimeMillis();
        String problem = null;
        Map<?, ?> answer = null;
        if (failure != null) {
            problem = failure.getCause() == null
                    ? failure.toString()
                    : failure.getCause().toString();
        } else if (response.statusCode() != 200) {
            problem = "HTTP " + response.statusCode();
        } else {
            try {
                answer = Bencode.decode(response.body()) instanceof Map<?, ?> map ? map : null;
                if (answer == null) {
                    problem = "the answer is not a dictionary";
                } else if (answer.get("failure reason") instanceof byte[] reason) {
                    problem = new String(reason, java.nio.charset.StandardCharsets.UTF_8);
                }
            } catch (RuntimeException e) {
                problem = "unreadable answer: " + e.getMessage();
            }
        }
        if (problem != null) {
            schedule.failures++;
            long backoff = Math.min(schedule.interval, MIN_INTERVAL << Math.min(schedule.failures, 6));
            schedule.nextMillis = now + backoff * 1000;
            if (schedule.failures == 1 || schedule.failures % 20 == 0) {
                LOG.warnf("[transfer=%s] announce to %s failed: %s", target.key(), tracker, problem);
            }
            return;
        }
        schedule.failures = 0;
        if ("started".equals(event)) {
            schedule.started = true;
        } else if ("completed".equals(event)) {
            schedule.completed = true;
        }
        schedule.interval = bounded(answer.get("interval"), schedule.interval);
        schedule.minInterval = Math.min(schedule.interval, bounded(answer.get("min interval"), MIN_INTERVAL));
        schedule.nextMillis = now + schedule.interval * 1000;
        List<String[]> peers = new ArrayList<>();
        addCompact(answer.get("peers"), 4, peers);
        addCompact(answer.get("peers6"), 16, peers);
        for (String[] peer : peers) {
            engine.connect(target.key(), peer[0], Integer.parseInt(peer[1]));
        }
    }

    private static long bounded(Object value, long fallback) {
        return value instanceof Long n ? Math.max(MIN_INTERVAL, Math.min(MAX_INTERVAL, n)) : fallback;
    }

    /** BEP 23 (IPv4) and BEP 7 (IPv6) compact peers: an address then a big-endian port. */
    private static void addCompact(Object value, int addressLength, List<String[]> peers) {
        if (!(value instanceof byte[] bytes)) {
            return;
        }
        int entry = addressLength + 2;
        for (int i = 0; i + entry <= bytes.length && peers.size() < MAX_PEERS; i += entry) {
            try {
                byte[] address = java.util.Arrays.copyOfRange(bytes, i, i + addressLength);
                int port = ((bytes[i + addressLength] & 0xff) << 8) | (bytes[i + addressLength + 1] & 0xff);
                if (port > 0) {
                    peers.add(new String[] {InetAddress.getByAddress(address).getHostAddress(), String.valueOf(port)});
                }
            } catch (UnknownHostException e) {
                // Cannot happen for 4 or 16 bytes.
            }
        }
    }

    private static String percent(byte[] bytes) {
        var out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            out.append('%').append(String.format("%02X", b & 0xff));
        }
        return out.toString();
    }

    /** Azureus-style, as libtorrent's own: "-SD0100-" and twelve random bytes. */
    private static byte[] newPeerId() {
        byte[] id = new byte[20];
        new SecureRandom().nextBytes(id);
        System.arraycopy("-SD0100-".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, id, 0, 8);
        return id;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
