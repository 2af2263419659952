package io.swarmdrop.core.files;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    /**
     * Names Windows gives to devices, whatever the extension ({@code NUL.txt}) and with trailing
     * spaces before it ({@code NUL .txt}); it also takes the superscript digits as digits.
     */
    private static final Set<String> WINDOWS_RESERVED = Set.of(
            "CON",
            "PRN",
            "AUX",
            "NUL",
            "CONIN$",
            "CONOUT$",
            "COM0",
            "COM1",
            "COM2",
            "COM3",
            "COM4",
            "COM5",
            "COM6",
            "COM7",
            "COM8",
            "COM9",
            "COM\u00B9",
            "COM\u00B2",
            "COM\u00B3",
            "LPT0",
            "LPT1",
            "LPT2",
            "LPT3",
            "LPT4",
            "LPT5",
            "LPT6",
            "LPT7",
            "LPT8",
            "LPT9",
            "LPT\u00B9",
            "LPT\u00B2",
            "LPT\u00B3");
    /** C0 and C1 controls, DEL, separators and the characters Windows does not allow in a name. */
    private static final Pattern FORBIDDEN_CHARS = Pattern.compile("[\\x00-\\x1F\\x7F-\\x9F/\\\\:*?\"<>|]");
    /**
     * Bidirectional overrides force characters to display in the other order, so
     * "invoice", U+202E, "fdp.exe" reads as "invoiceexe.pdf". Marks (U+200E, U+200F), embeddings and isolates only
     * set a direction and are common in right-to-left names: they are delivered.
     */
    private static final Pattern BIDI_OVERRIDES = Pattern.compile("[\\u202D\\u202E]");

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
        if (BIDI_OVERRIDES.matcher(name).find()) {
            throw new UnsafeFileNameException(
                    name,
                    "the name contains a bidirectional override (U+202D or U+202E), which makes it read as another name");
        }
        if (name.startsWith(".")) {
            throw new UnsafeFileNameException(name, "hidden names (starting with '.') are not published");
        }
        if (name.endsWith(".") || name.endsWith(" ") || name.startsWith(" ")) {
            throw new UnsafeFileNameException(name, "the name starts with a space or ends with a dot or space");
        }
        String stem = (name.contains(".") ? name.substring(0, name.indexOf('.')) : name).stripTrailing();
        if (WINDOWS_RESERVED.contains(stem.toUpperCase(Locale.ROOT))) {
            throw new UnsafeFileNameException(name, "the name is reserved on Windows");
        }
        if (utf8Length(name) > MAX_LENGTH) {
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
        return folder.resolve(numbered(name, taken(folder, name).size()));
    }

    /** The paths {@link #firstFree} passes over: {@code name}, {@code name (1)}, ... while they exist. */
    public static List<Path> taken(Path folder, String name) {
        List<Path> taken = new ArrayList<>();
        for (int n = 0; ; n++) {
            Path candidate = folder.resolve(numbered(name, n));
            if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                return taken;
            }
            taken.add(candidate);
        }
    }

    /**
     * {@code report.pdf} for 0, {@code report (n).pdf} after; the stem is cut (at a character, not
     * inside one) when the suffix would take the name past {@value #MAX_LENGTH} bytes, which no
     * common file system stores.
     */
    static String numbered(String name, int n) {
        if (n == 0) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        String suffix = " (" + n + ")" + extension;
        int room = MAX_LENGTH - utf8Length(suffix);
        while (utf8Length(stem) > room && !stem.isEmpty()) {
            stem = stem.substring(0, stem.offsetByCodePoints(stem.length(), -1)).stripTrailing();
        }
        return stem + suffix;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
