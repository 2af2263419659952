package io.swarmdrop.core.publication;

import java.time.Instant;

/** How much of a publication a recipient's device has fetched, as it last reported. */
public record Progress(String device, long done, Instant at) {}
