package io.swarmdrop.core.directory;

/** The secrets handed to a device once, at enrolment; only their hashes are stored. */
public record Enrolment(String user, String device, String token, String passkey) {}
