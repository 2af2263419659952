package io.swarmdrop.core.api;

/** Credentials and the name of the device being enrolled. */
public record LoginRequest(String user, String password, String hostname) {}
