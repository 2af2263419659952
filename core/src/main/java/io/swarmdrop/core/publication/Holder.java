package io.swarmdrop.core.publication;

import java.time.Instant;

/**
 * A supernode that holds a publication: it has the metainfo, and once {@code complete} the whole
 * file. Persistent, so a restarted supernode still counts; whether it is alive comes from its
 * ephemeral registration.
 */
public record Holder(String node, String zone, boolean complete, Instant since) {}
