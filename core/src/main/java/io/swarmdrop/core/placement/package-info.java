/**
 * Which supernodes hold which publication: the replicas that persist it, chosen by rendezvous
 * hashing over the live supernodes, and the one supernode per zone that carries it into that zone.
 * Pure functions of (publication, live supernodes, policy); no state of their own.
 */
package io.swarmdrop.core.placement;
