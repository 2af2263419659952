package io.swarmdrop.daemon.local;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The daemon's most recent log lines, for {@code swarmdrop logs} (a service's log may be anywhere). */
@Singleton
public class LogBuffer extends Handler {

    private static final int KEEP = 2000;

    private final ArrayDeque<String> lines = new ArrayDeque<>();

    void onStart(@Observes StartupEvent event) {
        setLevel(Level.INFO);
        Logger.getLogger("").addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record) || !record.getLoggerName().startsWith("io.swarmdrop")) {
            return;
        }
        String message = record instanceof org.jboss.logmanager.ExtLogRecord ext
                ? ext.getFormattedMessage()
                : record.getMessage();
        String line = Instant.ofEpochMilli(record.getMillis()) + " " + record.getLevel() + " " + message;
        synchronized (lines) {
            lines.addLast(line);
            while (lines.size() > KEEP) {
                lines.removeFirst();
            }
        }
    }

    public List<String> last(int count) {
        synchronized (lines) {
            var all = new ArrayList<>(lines);
            return all.subList(Math.max(0, all.size() - count), all.size());
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
