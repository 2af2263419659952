package io.swarmdrop.core.api;

import java.util.List;

/**
 * The live supernodes, as a daemon needs them to choose one.
 *
 * @param zone the zone of the supernode that answered
 */
public record Supernodes(String zone, List<Supernode> live) {

    /** A live supernode: its id, zone and the URL of its API and tracker. */
    public record Supernode(String node, String zone, String url) {}
}
