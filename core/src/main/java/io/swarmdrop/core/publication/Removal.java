package io.swarmdrop.core.publication;

import java.time.Instant;
import java.util.List;

/**
 * Why and when a publication's file was removed from the supernodes, kept as its history.
 *
 * @param expired the targets that never received the file
 * @param markersMoved whether every expired target's pending marker has become an expired marker
 *     (a large group's move takes several transactions after the removal itself)
 */
public record Removal(Instant at, String reason, List<String> expired, boolean markersMoved) {
    public Removal {
        expired = List.copyOf(expired);
    }

    public Removal withMarkersMoved() {
        return new Removal(at, reason, expired, true);
    }
}
