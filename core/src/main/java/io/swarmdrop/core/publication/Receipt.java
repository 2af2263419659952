package io.swarmdrop.core.publication;

import java.time.Instant;

/** One recipient's acknowledgement that it holds the whole, verified file. */
public record Receipt(String device, Instant at) {}
