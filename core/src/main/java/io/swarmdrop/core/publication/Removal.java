package io.swarmdrop.core.publication;

import java.time.Instant;
import java.util.List;

/**
 * Why and when a publication's file was removed from the supernodes, kept as its history.
 *
 * @param expired the targets that never received the file
 */
public record Removal(Instant at, String reason, List<String> expired) {
    public Removal {
        expired = List.copyOf(expired);
    }
}
