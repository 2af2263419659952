package io.swarmdrop.policies;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a group accepts at publication time.
 *
 * @param maxFileSize largest file in bytes, 0 for no limit
 * @param allowedExtensions lowercase extensions without the dot; empty means any extension not refused
 * @param refusedExtensions lowercase extensions without the dot, always refused
 * @param maxGroupBytes total bytes of the group's active publications, 0 for no limit
 * @param allowedTypes content types (such as {@code application/pdf} or {@code video/*}); empty means
 *     any type not refused
 * @param refusedTypes content types that are always refused, judged by the file's first bytes
 */
public record Admission(
        long maxFileSize,
        Set<String> allowedExtensions,
        Set<String> refusedExtensions,
        long maxGroupBytes,
        Set<String> allowedTypes,
        Set<String> refusedTypes) {

    public Admission {
        if (maxFileSize < 0 || maxGroupBytes < 0) {
            throw new IllegalArgumentException("sizes must be 0 (no limit) or positive");
        }
        allowedExtensions = Set.copyOf(allowedExtensions);
        refusedExtensions = Set.copyOf(refusedExtensions);
        allowedTypes = Set.copyOf(allowedTypes);
        refusedTypes = Set.copyOf(refusedTypes);
    }

    /** Admission by extension and size only. */
    public Admission(
            long maxFileSize, Set<String> allowedExtensions, Set<String> refusedExtensions, long maxGroupBytes) {
        this(maxFileSize, allowedExtensions, refusedExtensions, maxGroupBytes, Set.of(), Set.of());
    }

    /**
     * Why a file may not be published to the group, or empty when it may.
     *
     * @param contentType the type the publisher's daemon sniffed from the file's first bytes; null
     *     (not declared) counts as {@code application/octet-stream}, so leaving it out cannot skip
     *     an allow-list (finding I2). The type is the publisher's claim: an honest daemon's check,
     *     not proof against a hostile client.
     * @param groupBytesHeld the bytes of the group's publications that are still active
     */
    public Optional<String> refusal(String fileName, long size, String contentType, long groupBytesHeld) {
        String type = contentType == null ? UNDECLARED : contentType.toLowerCase(Locale.ROOT);
        String shown = contentType == null ? "of no declared type (" + UNDECLARED + ")" : type;
        if (refusedTypes.stream().anyMatch(t -> matches(t, type))) {
            return Optional.of("its content is " + shown + ", which this group refuses");
        }
        if (!allowedTypes.isEmpty() && allowedTypes.stream().noneMatch(t -> matches(t, type))) {
            return Optional.of("its content is " + shown + "; this group accepts only "
                    + String.join(", ", allowedTypes.stream().sorted().toList()));
        }
        return refusal(fileName, size, groupBytesHeld);
    }

    /** The type a file without a declared one is judged as. */
    static final String UNDECLARED = "application/octet-stream";

    /** {@code video/*} matches every video type; anything else matches itself. */
    static boolean matches(String pattern, String type) {
        return pattern.endsWith("/*")
                ? type.startsWith(pattern.substring(0, pattern.length() - 1))
                : pattern.equals(type);
    }

    /**
     * Why a file may not be published to the group, or empty when it may.
     *
     * @param groupBytesHeld the bytes of the group's publications that are still active
     */
    public Optional<String> refusal(String fileName, long size, long groupBytesHeld) {
        String extension = extension(fileName);
        if (refusedExtensions.contains(extension)) {
            return Optional.of("files of type ." + extension + " are refused in this group");
        }
        if (!allowedExtensions.isEmpty() && !allowedExtensions.contains(extension)) {
            return Optional.of("this group accepts only "
                    + String.join(
                            ", ",
                            allowedExtensions.stream()
                                    .sorted()
                                    .map(e -> "." + e)
                                    .toList())
                    + (extension.isEmpty() ? " files; this file has no extension" : " files, not ." + extension));
        }
        if (maxFileSize > 0 && size > maxFileSize) {
            return Optional.of("the file has " + Sizes.format(size) + ", more than this group's limit of "
                    + Sizes.format(maxFileSize));
        }
        if (maxGroupBytes > 0 && groupBytesHeld + size > maxGroupBytes) {
            return Optional.of("the group holds " + Sizes.format(groupBytesHeld)
                    + "; with this file it would exceed its limit of " + Sizes.format(maxGroupBytes));
        }
        return Optional.empty();
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 || dot == fileName.length() - 1
                ? ""
                : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
