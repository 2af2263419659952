package io.swarmdrop.core.directory;

/** Who a device token or tracker passkey belongs to. */
public record DeviceRef(String user, String device) {}
