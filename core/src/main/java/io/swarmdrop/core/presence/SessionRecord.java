package io.swarmdrop.core.presence;

/** Where a device's push channel is open: the ephemeral {@code /sessions/{user}/{device}} node's data. */
public record SessionRecord(String node, String zone) {}
