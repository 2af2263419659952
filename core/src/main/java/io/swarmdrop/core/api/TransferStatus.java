package io.swarmdrop.core.api;

/**
 * A snapshot of one torrent in the engine. Byte counters are payload bytes since the torrent was
 * added to this process's session.
 */
public record TransferStatus(
        String key,
        String name,
        String state,
        double progress,
        long totalDone,
        long totalWanted,
        long downloaded,
        long uploaded,
        int peers,
        int seeds,
        int downloadRate,
        int uploadRate,
        boolean finished,
        String error) {}
