package io.swarmdrop.core.audit;

import java.time.Instant;

/**
 * One entry of the audit log: who did what, to what, when and from where.
 *
 * @param actor the console account, or the user whose device enrolled
 * @param action a short verb phrase, such as "enrolled a device" or "revoked a device"
 * @param target what it was done to, such as "user bob" or "device 3f2a of bob"
 * @param source where the request came from (an IP address), or null
 */
public record AuditEvent(Instant at, String actor, String action, String target, String source) {}
