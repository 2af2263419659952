package io.swarmdrop.core.api.client;

import io.swarmdrop.core.api.PublicationView;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Reads the supernode's server-sent events on a thread of its own. When the stream ends the
 * channel is closed; the daemon's maintenance job opens a new one and catches up.
 */
public final class PushChannel implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PushChannel.class);

    /** What the channel reports. */
    public interface Handler {
        /** The channel is registered: ask for pending publications now, to close any gap. */
        void connected();

        void publication(PublicationView publication);
    }

    private final Supplier<SupernodeClient> clients;
    private final Handler handler;
    /** The supernode the channel was opened to. */
    private volatile SupernodeClient client;

    private final AtomicBoolean open = new AtomicBoolean();
    private volatile Thread reader;
    private volatile java.util.stream.Stream<String> lines;
    private volatile long lastHeardNanos;

    /** @param clients the client of the supernode attached to at the moment of each {@link #open} */
    public PushChannel(Supplier<SupernodeClient> clients, Handler handler) {
        this.clients = clients;
        this.handler = handler;
    }

    public boolean isOpen() {
        return open.get();
    }

    /** True when the channel is open to a supernode other than the one {@code now} talks to. */
    public boolean isOpenToAnotherThan(SupernodeClient now) {
        return isOpen() && client != now;
    }

    /** Opens the channel; throws {@link SupernodeException} when the supernode refuses or is unreachable. */
    public void open() {
        if (!open.compareAndSet(false, true)) {
            return;
        }
        try {
            client = clients.get();
            lines = client.openEvents().body();
        } catch (RuntimeException e) {
            open.set(false);
            throw e;
        }
        lastHeardNanos = System.nanoTime();
        reader = new Thread(this::read, "push-channel");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        var event = new StringBuilder();
        var data = new StringBuilder();
        try {
            for (var it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                lastHeardNanos = System.nanoTime();
                if (line.isEmpty()) {
                    dispatch(event.toString(), data.toString());
                    event.setLength(0);
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    event.append(line.substring(6).trim());
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).stripLeading());
                }
            }
            LOG.info("push channel closed by the supernode");
        } catch (RuntimeException e) {
            LOG.infof("push channel lost: %s", e.getMessage());
        } finally {
            open.set(false);
        }
    }

    private void dispatch(String event, String data) {
        try {
            switch (event) {
                case "hello" -> handler.connected();
                case "publication" -> handler.publication(client.parse(data, PublicationView.class));
                default -> {}
            }
        } catch (RuntimeException e) {
            LOG.errorf("failed to handle push event '%s': %s", event, e.getMessage());
        }
    }

    /**
     * True when nothing, not even a ping, arrived for {@code silence}: the connection is half-open
     * (a supernode or a network path that vanished without closing it) and should be replaced.
     */
    public boolean isSilentFor(java.time.Duration silence) {
        return isOpen() && System.nanoTime() - lastHeardNanos > silence.toNanos();
    }

    @Override
    public void close() {
        var current = lines;
        if (current != null) {
            current.close();
        }
        open.set(false);
    }
}
