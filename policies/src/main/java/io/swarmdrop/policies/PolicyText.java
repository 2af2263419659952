package io.swarmdrop.policies;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The text form of a {@link GroupPolicy} (see package-info), read by the supernode and the console.
 * Parsing reports every problem at once, each with its line and key.
 */
public final class PolicyText {

    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,16}");
    private static final Pattern CONTENT_TYPE = Pattern.compile("[a-z0-9][a-z0-9.+-]*/(\\*|[a-z0-9][a-z0-9.+-]*)");
    private static final Set<String> KEYS = Set.of(
            "retention.max-age",
            "retention.delete-when-delivered",
            "replication.copies",
            "admission.max-file-size",
            "admission.allowed-extensions",
            "admission.refused-extensions",
            "admission.max-group-bytes",
            "admission.allowed-types",
            "admission.refused-types");

    private PolicyText() {}

    /** Parses policy text; blank text is the default policy. */
    public static GroupPolicy parse(String text) {
        GroupPolicy d = GroupPolicy.DEFAULT;
        Duration maxAge = d.retention().maxAge();
        boolean deleteWhenDelivered = d.retention().deleteWhenDelivered();
        int copies = d.replication().copies();
        long maxFileSize = d.admission().maxFileSize();
        Set<String> allowed = d.admission().allowedExtensions();
        Set<String> refused = d.admission().refusedExtensions();
        long maxGroupBytes = d.admission().maxGroupBytes();
        Set<String> allowedTypes = d.admission().allowedTypes();
        Set<String> refusedTypes = d.admission().refusedTypes();

        var problems = new ArrayList<PolicyException.Problem>();
        int extensionsLine = 0;
        var seen = new LinkedHashSet<String>();
        String[] lines = text == null ? new String[0] : text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = stripComment(lines[i]).trim();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                problems.add(
                        new PolicyException.Problem(lineNumber, "", "expected 'key = value', found '" + line + "'"));
                continue;
            }
            String key = line.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).trim();
            if (!KEYS.contains(key)) {
                problems.add(new PolicyException.Problem(
                        lineNumber,
                        key,
                        "unknown key; known keys are "
                                + String.join(", ", KEYS.stream().sorted().toList())));
                continue;
            }
            if (!seen.add(key)) {
                problems.add(new PolicyException.Problem(lineNumber, key, "set twice"));
                continue;
            }
            var problem = new ArrayList<String>();
            switch (key) {
                case "retention.max-age" -> {
                    Duration parsed = duration(value, problem);
                    if (parsed != null) {
                        maxAge = parsed;
                    }
                }
                case "retention.delete-when-delivered" ->
                    deleteWhenDelivered = bool(value, problem, deleteWhenDelivered);
                case "replication.copies" -> copies = copies(value, problem, copies);
                case "admission.max-file-size" -> maxFileSize = size(value, problem, maxFileSize);
                case "admission.max-group-bytes" -> maxGroupBytes = size(value, problem, maxGroupBytes);
                case "admission.allowed-extensions" -> {
                    allowed = extensions(value, problem);
                    extensionsLine = lineNumber;
                }
                case "admission.refused-extensions" -> {
                    refused = extensions(value, problem);
                    extensionsLine = lineNumber;
                }
                case "admission.allowed-types" -> allowedTypes = types(value, problem);
                case "admission.refused-types" -> refusedTypes = types(value, problem);
                default -> throw new IllegalStateException("unhandled key " + key);
            }
            problem.forEach(p -> problems.add(new PolicyException.Problem(lineNumber, key, p)));
        }
        var both = new LinkedHashSet<>(allowed);
        both.retainAll(refused);
        if (!both.isEmpty()) {
            problems.add(new PolicyException.Problem(
                    extensionsLine, "admission", "extensions both allowed and refused: " + String.join(", ", both)));
        }
        if (!problems.isEmpty()) {
            throw new PolicyException(problems);
        }
        return new GroupPolicy(
                new Retention(maxAge, deleteWhenDelivered),
                new Replication(copies),
                new Admission(maxFileSize, allowed, refused, maxGroupBytes, allowedTypes, refusedTypes));
    }

    /** The text form of a policy; {@code parse(format(p))} equals {@code p}. */
    public static String format(GroupPolicy policy) {
        Admission a = policy.admission();
        return String.join(
                        "\n",
                        "retention.max-age = " + policy.retention().maxAge(),
                        "retention.delete-when-delivered = "
                                + policy.retention().deleteWhenDelivered(),
                        "replication.copies = " + policy.replication().copies(),
                        "admission.max-file-size = " + a.maxFileSize(),
                        "admission.allowed-extensions = "
                                + String.join(
                                        ", ",
                                        a.allowedExtensions().stream().sorted().toList()),
                        "admission.refused-extensions = "
                                + String.join(
                                        ", ",
                                        a.refusedExtensions().stream().sorted().toList()),
                        "admission.max-group-bytes = " + a.maxGroupBytes(),
                        "admission.allowed-types = "
                                + String.join(
                                        ", ", a.allowedTypes().stream().sorted().toList()),
                        "admission.refused-types = "
                                + String.join(
                                        ", ", a.refusedTypes().stream().sorted().toList()))
                + "\n";
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    /** The longest duration a policy may give (finding I6). */
    static final Duration MAX_DURATION = Duration.ofDays(3650);

    private static Duration duration(String value, List<String> problem) {
        try {
            Duration parsed = Duration.parse(value.toUpperCase(Locale.ROOT));
            if (parsed.isNegative() || parsed.isZero()) {
                problem.add("must be longer than zero");
                return null;
            }
            if (parsed.compareTo(MAX_DURATION) > 0) {
                // Instant arithmetic overflows far beyond this, and stopped collection for every group.
                problem.add("'" + value + "' is longer than the longest allowed, P3650D (about ten years)");
                return null;
            }
            return parsed;
        } catch (DateTimeParseException e) {
            problem.add("'" + value + "' is not an ISO-8601 duration such as P7D (7 days) or PT12H (12 hours)");
            return null;
        }
    }

    private static boolean bool(String value, List<String> problem, boolean fallback) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> {
                problem.add("'" + value + "' is neither true nor false");
                yield fallback;
            }
        };
    }

    private static int copies(String value, List<String> problem, int fallback) {
        try {
            int copies = Integer.parseInt(value);
            if (copies >= 1 && copies <= 16) {
                return copies;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        problem.add("'" + value + "' is not a number of copies from 1 to 16");
        return fallback;
    }

    private static long size(String value, List<String> problem, long fallback) {
        long size = Sizes.parse(value);
        if (size < 0) {
            problem.add("'" + value + "' is not a size such as 500MB or 2GB (0 for no limit)");
            return fallback;
        }
        return size;
    }

    private static Set<String> types(String value, List<String> problem) {
        if (value.isEmpty()) {
            return Set.of();
        }
        var result = new LinkedHashSet<String>();
        for (String raw : value.split(",")) {
            String type = raw.trim().toLowerCase(Locale.ROOT);
            if (!CONTENT_TYPE.matcher(type).matches()) {
                problem.add("'" + raw.trim() + "' is not a content type such as application/pdf or video/*");
            } else {
                result.add(type);
            }
        }
        return Set.copyOf(result);
    }

    private static Set<String> extensions(String value, List<String> problem) {
        if (value.isEmpty()) {
            return Set.of();
        }
        var result = new LinkedHashSet<String>();
        for (String raw : value.split(",")) {
            String extension = raw.trim().toLowerCase(Locale.ROOT);
            extension = extension.startsWith(".") ? extension.substring(1) : extension;
            if (!EXTENSION.matcher(extension).matches()) {
                problem.add("'" + raw.trim() + "' is not a file extension (letters and digits, such as pdf)");
            } else {
                result.add(extension);
            }
        }
        return Set.copyOf(result);
    }
}
