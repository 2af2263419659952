package io.swarmdrop.core.api;

/** The body of every error answer of the daemon and admin APIs. */
public record ErrorBody(String error) {}
