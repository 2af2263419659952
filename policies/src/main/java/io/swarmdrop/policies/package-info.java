/**
 * Retention, replication and admission policies of a group: a pure model and evaluator, with
 * {@code now} as a parameter. Nothing here depends on ZooKeeper, libtorrent or Quarkus.
 *
 * <p>Empty until issue 3 (retention and garbage collection); the module exists so the dependency
 * direction (apps depend on {@code core} and {@code policies}, {@code policies} on nothing of ours)
 * is fixed from the start.
 */
package io.swarmdrop.policies;
