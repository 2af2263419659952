package io.swarmdrop.daemon.journal;

/**
 * One version of a file in a group's outbox: its name, size and modification time, and the file
 * system's identity of the file (the inode on Linux; null where there is none), which survives a
 * rename and tells a renamed file from a new one.
 */
public record FileVersion(String group, String name, long size, long modifiedMillis, String fileKey) {}
