package io.swarmdrop.core.api;

import io.swarmdrop.core.publication.Publication;
import java.time.Instant;

/** What a daemon learns about a publication. */
public record PublicationView(
        String id,
        String group,
        String name,
        long size,
        String infohashV2,
        String publisher,
        Instant createdAt,
        String state) {

    public static PublicationView of(Publication p) {
        return new PublicationView(
                p.id(),
                p.group(),
                p.name(),
                p.size(),
                p.infohashV2(),
                p.publisher(),
                p.createdAt(),
                p.state().name());
    }
}
