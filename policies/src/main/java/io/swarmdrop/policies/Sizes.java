package io.swarmdrop.policies;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Byte sizes in the policy text: a number with an optional KB, MB, GB or TB (powers of 1024). */
public final class Sizes {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMGT]?B?)", Pattern.CASE_INSENSITIVE);
    private static final String UNITS = "KMGT";

    private Sizes() {}

    /** The byte count, or -1 when {@code text} is not a size. */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            return -1;
        }
        String unit = m.group(2).toUpperCase(Locale.ROOT).replace("B", "");
        int shift = unit.isEmpty() ? 0 : 10 * (UNITS.indexOf(unit.charAt(0)) + 1);
        try {
            long value = Long.parseLong(m.group(1));
            if (value > Long.MAX_VALUE >> shift) {
                return -1;
            }
            return value << shift;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Exact sizes as whole units ("20 KB"), others with one decimal ("29.3 KB"), small ones in bytes. */
    public static String format(long bytes) {
        for (int i = UNITS.length(); i > 0; i--) {
            long unit = 1L << (10 * i);
            if (bytes >= unit) {
                String unitName = UNITS.charAt(i - 1) + "B";
                return bytes % unit == 0
                        ? bytes / unit + " " + unitName
                        : String.format(Locale.ROOT, "%.1f %s", bytes / (double) unit, unitName);
            }
        }
        return bytes + " bytes";
    }
}
