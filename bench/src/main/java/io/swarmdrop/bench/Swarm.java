package io.swarmdrop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.swarmdrop.testing.DaemonProcess;
import io.swarmdrop.testing.TestCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One supernode, one publishing daemon and N subscribing daemons, each its own process on this
 * host. Group {@code n<k>} holds the publisher and the first k subscribers, so one set of processes
 * serves every fan-out width; group {@code hold} also has a member who is never online, so its
 * publications stay live on the supernode.
 */
final class Swarm implements AutoCloseable {

    /** One publication's way from the outbox into every inbox. */
    record Delivery(
            double seconds, double publishSeconds, long publisherUploaded, long supernodeUploaded, double peakRssMiB) {}

    final TestCluster cluster;
    final DaemonProcess publisher;
    final List<DaemonProcess> subscribers = new ArrayList<>();

    Swarm(Path folder, int subscriberCount, List<Integer> widths, String stableFor, String scanEvery)
            throws IOException {
        cluster = new TestCluster(folder).startSupernode();
        cluster.createUser("publisher", "publisher-password");
        cluster.createUser("absent", "absent-password");
        for (int i = 1; i <= subscriberCount; i++) {
            cluster.createUser("s" + i, "s" + i + "-long-password");
        }
        for (int width : widths) {
            var members = new ArrayList<String>(List.of("publisher"));
            for (int i = 1; i <= width; i++) {
                members.add("s" + i);
            }
            cluster.createGroup("n" + width, members.toArray(String[]::new));
        }
        cluster.createGroup("hold", "publisher", "absent");
        publisher = configure(cluster.daemon("publisher", "publisher-password"), stableFor, scanEvery)
                .start();
        for (int i = 1; i <= subscriberCount; i++) {
            subscribers.add(configure(cluster.daemon("s" + i, "s" + i + "-long-password"), stableFor, scanEvery)
                    .start());
        }
    }

    private static DaemonProcess configure(DaemonProcess daemon, String stableFor, String scanEvery) {
        return daemon.with("swarmdrop.daemon.outbox.stable-for", stableFor)
                .with("swarmdrop.daemon.scan-every", scanEvery)
                .with("swarmdrop.daemon.lan.enabled", "false");
    }

    /**
     * Drops {@code source} into the publisher's outbox of group {@code n<width>} and waits until the
     * first {@code width} subscribers have it in their inboxes (where a file appears only once
     * complete and verified). Removes the copies afterwards.
     */
    Delivery deliver(int width, Path source) throws Exception {
        String group = "n" + width;
        String name = source.getFileName().toString();
        List<DaemonProcess> receivers = subscribers.subList(0, width);
        publisher.drop(group, source);
        long start = System.nanoTime();
        var counters = new Counters(name, receivers.get(0), start);
        awaitInboxes(receivers, group, name, start, Duration.ofMinutes(30), counters::sampleNow);
        double seconds = (System.nanoTime() - start) / 1e9;
        counters.sample(System.nanoTime()); // The last counters, now that every copy is in.
        for (DaemonProcess receiver : receivers) {
            Files.deleteIfExists(receiver.inbox(group).resolve(name));
        }
        Files.deleteIfExists(publisher.outbox(group).resolve(name));
        return new Delivery(
                seconds,
                Double.isNaN(counters.published) ? seconds : counters.published,
                counters.publisherUploaded,
                counters.supernodeUploaded,
                counters.peakRss);
    }

    /** What {@link #deliver} watches while a file spreads, sampled every 200 ms. */
    private final class Counters {
        private final String name;
        private final DaemonProcess receiver;
        private final long start;
        private long nextSample;
        double published = Double.NaN;
        long publisherUploaded;
        long supernodeUploaded;
        double peakRss;

        Counters(String name, DaemonProcess receiver, long start) {
            this.name = name;
            this.receiver = receiver;
            this.start = start;
        }

        void sampleNow(long now) throws Exception {
            if (now >= nextSample) {
                nextSample = now + 200_000_000L;
                sample(now);
            }
        }

        void sample(long now) throws Exception {
            if (Double.isNaN(published) && isPublished(name)) {
                published = (now - start) / 1e9;
            }
            publisherUploaded = Math.max(publisherUploaded, uploaded(publisher.transfer(name)));
            supernodeUploaded = Math.max(supernodeUploaded, uploaded(cluster.supernodeTransfer(name)));
            peakRss = Math.max(peakRss, Machine.residentMiB(receiver.pid()));
        }
    }

    /**
     * Drops {@code source} into group {@code n<width>} and returns, for each subscriber, the seconds
     * from the drop until the file was in its inbox.
     */
    List<Double> latencies(int width, Path source) throws Exception {
        String group = "n" + width;
        String name = source.getFileName().toString();
        List<DaemonProcess> receivers = subscribers.subList(0, width);
        publisher.drop(group, source);
        List<Double> latencies =
                awaitInboxes(receivers, group, name, System.nanoTime(), Duration.ofMinutes(5), now -> {});
        for (DaemonProcess receiver : receivers) {
            Files.deleteIfExists(receiver.inbox(group).resolve(name));
        }
        return latencies;
    }

    @FunctionalInterface
    private interface Tick {
        void at(long nanoTime) throws Exception;
    }

    /**
     * Waits until every receiver has {@code name} in its inbox of {@code group} (where a file appears
     * only complete and verified) and returns the seconds from {@code start} to each arrival, in
     * the order they came; {@code tick} runs on every look.
     */
    private static List<Double> awaitInboxes(
            List<DaemonProcess> receivers, String group, String name, long start, Duration limit, Tick tick)
            throws Exception {
        var arrivals = new ArrayList<Double>();
        boolean[] arrived = new boolean[receivers.size()];
        while (arrivals.size() < receivers.size()) {
            for (int i = 0; i < receivers.size(); i++) {
                if (!arrived[i] && Files.exists(receivers.get(i).inbox(group).resolve(name))) {
                    arrived[i] = true;
                    arrivals.add((System.nanoTime() - start) / 1e9);
                }
            }
            long now = System.nanoTime();
            tick.at(now);
            if (now - start > limit.toNanos()) {
                throw new IllegalStateException(name + " not delivered to group " + group + " within " + limit);
            }
            Thread.sleep(2);
        }
        return arrivals;
    }

    /** Publications in the publisher's journal, published. */
    long publishedCount() throws Exception {
        long count = 0;
        for (JsonNode entry : publisher.status().path("outbox")) {
            if (entry.path("state").asText().equals("PUBLISHED")) {
                count++;
            }
        }
        return count;
    }

    private boolean isPublished(String name) throws Exception {
        for (JsonNode entry : publisher.status().path("outbox")) {
            if (entry.path("name").asText().equals(name)) {
                return entry.path("state").asText().equals("PUBLISHED");
            }
        }
        return false;
    }

    private static long uploaded(JsonNode transfer) {
        return transfer == null ? 0 : transfer.path("uploaded").asLong();
    }

    @Override
    public void close() throws InterruptedException {
        cluster.close();
    }
}
