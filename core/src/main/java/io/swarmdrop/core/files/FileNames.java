package io.swarmdrop.core.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules for the names of published files. A name comes from another machine's metainfo, so it is
 * checked before anything is written: it must be one plain path segment that every supported OS
 * can store, so it can never leave the folder it is written to.
 */
public final class FileNames {

    private static final int MAX_LENGTH = 255;
    private static final Set<String> WINDOWS_RESERVED = Set.of(
            "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1",
            "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");
    private static final Pattern FORBIDDEN_CHARS = Pattern.compile("[\\p{Cntrl}/\\\\:*?\"<>|]");

    private FileNames() {}

    /** Throws {@link UnsafeFileNameException} naming the problem when {@code name} is not a safe file name. */
    public static String requireSafe(String name) {
        if (name == null || name.isEmpty()) {
            throw new UnsafeFileNameException(String.valueOf(name), "the name is empty");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new UnsafeFileNameException(name, "the name refers to a folder");
        }
        if (FORBIDDEN_CHARS.matcher(name).find()) {
            throw new UnsafeFileNameException(
                    name, "the name contains a path separator, a control character or one of : * ? \" < > |");
        }
        if (name.startsWith(".")) {
            throw new UnsafeFileNameException(name, "hidden names (starting with '.') are not published");
        }
        if (name.endsWith(".") || name.endsWith(" ") || name.startsWith(" ")) {
            throw new UnsafeFileNameException(name, "the name starts with a space or ends with a dot or space");
        }
        String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (WINDOWS_RESERVED.contains(stem.toUpperCase(Locale.ROOT))) {
            throw new UnsafeFileNameException(name, "the name is reserved on Windows");
        }
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LENGTH) {
            throw new UnsafeFileNameException(name, "the name is longer than " + MAX_LENGTH + " bytes");
        }
        return name;
    }

    /**
     * True for names that editors, browsers and copy tools use while a file is still being written,
     * and for hidden files: the outbox never publishes them.
     */
    public static boolean isTemporary(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return name.startsWith(".")
                || name.startsWith("~$")
                || lower.endsWith(".part")
                || lower.endsWith(".tmp")
                || lower.endsWith(".crdownload")
                || lower.endsWith(".partial")
                || lower.endsWith("~");
    }

    /**
     * The first path in {@code folder} named {@code name} that does not exist yet: {@code report.pdf},
     * then {@code report (1).pdf}, {@code report (2).pdf}, and so on.
     */
    public static Path firstFree(Path folder, String name) {
        Path candidate = folder.resolve(name);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 1; Files.exists(candidate, java.nio.file.LinkOption.NOFOLLOW_LINKS); n++) {
            candidate = folder.resolve(stem + " (" + n + ")" + extension);
        }
        return candidate;
    }
}
