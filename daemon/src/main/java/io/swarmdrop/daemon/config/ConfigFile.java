package io.swarmdrop.daemon.config;

import io.swarmdrop.core.api.client.SupernodeTrust;
import io.swarmdrop.core.cluster.Names;
import io.swarmdrop.daemon.Folders;
import io.swarmdrop.policies.Sizes;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.eclipse.microprofile.config.Config;

/**
 * The daemon's config file ({@code daemon.properties}): one {@code key = value} per line, {@code #}
 * comments. It is what an IT department edits under {@code /etc/swarmdrop/}, so every problem is
 * reported with its line, its key and what is wrong, all at once, and the daemon does not start.
 *
 * <pre>
 * supernodes = https://sn1.example.org, https://sn2.example.org
 * trust-ca = /etc/swarmdrop/ca.crt   # the cluster CA their certificates must chain to, or:
 * trust-ca-sha256 = 3F:A0:...   # its fingerprint, as the console shows it (pinned at first contact)
 * zone = paris                  # optional: else the zone of the first supernode that answers
 * user = alice                  # enrolment on first start (the password may come from the
 * password = ...                #   environment instead: SWARMDROP_DAEMON_PASSWORD)
 * device-name = reception-pc
 * root = /srv/swarmdrop         # outbox/, inbox/ and .swarmdrop/ live here
 * upload-limit = 10MB           # per transfer, per second; 0 for none
 * download-limit = 0
 * listen-port = 6881
 * stable-for = 2s               # how long an outbox file must stay unchanged
 * upnp = on                     # map listen-port on the router (UPnP IGD); off to leave it alone
 * upnp-lease = 1h               # the router forgets the mapping after this unless renewed (at half)
 * lan = on                      # LAN mode: presence and local groups by multicast, no supernode needed
 * lan-port = 6790               # UDP port, the same on every daemon of the LAN
 * lan-group.site = 8m3x...==    # a local group and its shared key (openssl rand -base64 32)
 * outbox.finance = /srv/share/finance-out   # a group's outbox or inbox somewhere else than
 * inbox.finance = /srv/share/finance-in     #   under root (absolute paths)
 * </pre>
 */
public final class ConfigFile {

    /** One key of the file: the daemon setting it becomes, and how its value is checked and converted. */
    private record Key(String property, BiFunction<String, List<String>, String> check) {}

    private static final Map<String, Key> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("supernodes", new Key("supernodes", ConfigFile::urls));
        KEYS.put("trust-ca", new Key("trust-ca", ConfigFile::absolutePath));
        KEYS.put("trust-ca-sha256", new Key("trust-ca-sha256", ConfigFile::fingerprint));
        KEYS.put("zone", new Key("zone", name("zone")));
        KEYS.put("user", new Key("user", name("user")));
        KEYS.put("password", new Key("password", (v, p) -> v));
        KEYS.put("device-name", new Key("device-name", (v, p) -> v));
        KEYS.put("root", new Key("root", ConfigFile::absolutePath));
        KEYS.put("upload-limit", new Key("torrent.upload-limit", ConfigFile::rate));
        KEYS.put("download-limit", new Key("torrent.download-limit", ConfigFile::rate));
        KEYS.put("listen-port", new Key("torrent.port", ConfigFile::port));
        KEYS.put("listen-host", new Key("torrent.host", (v, p) -> v));
        KEYS.put("stable-for", new Key("outbox.stable-for", ConfigFile::duration));
        KEYS.put("upnp", new Key("upnp.enabled", ConfigFile::onOff));
        KEYS.put("upnp-lease", new Key("upnp.lease", ConfigFile::duration));
        KEYS.put("lan", new Key("lan.enabled", ConfigFile::onOff));
        KEYS.put("lan-port", new Key("lan.port", ConfigFile::port));
    }

    /** {@code lan-group.<name> = <base64 key>}: a local group shared on the LAN by whoever has the key. */
    private static final String LAN_GROUP = "lan-group.";

    /** {@code outbox.<group>} and {@code inbox.<group>}: a group's folder outside the root. */
    private static final String OUTBOX = "outbox.";

    private static final String INBOX = "inbox.";

    private ConfigFile() {}

    /**
     * The settings under {@code prefix} (local groups, group folders), by the rest of their name:
     * they live outside {@code swarmdrop.daemon.*}, whose mapping refuses keys it does not declare.
     */
    public static Map<String, String> propertiesUnder(Config config, String prefix) {
        var found = new TreeMap<String, String>();
        for (String property : config.getPropertyNames()) {
            if (property.startsWith(prefix)) {
                found.put(property.substring(prefix.length()), config.getValue(property, String.class));
            }
        }
        return found;
    }

    private static Key groupFolder(String prefix, String name) {
        return new Key(prefix + name, (value, problems) -> {
            if (!Names.isValid(name)) {
                problems.add("'" + name + "' is not a valid group name");
            }
            return absolutePath(value, problems);
        });
    }

    private static Key keyFor(String key) {
        if (key.startsWith(LAN_GROUP)) {
            return lanGroup(key.substring(LAN_GROUP.length()));
        }
        if (key.startsWith(OUTBOX)) {
            return groupFolder(Folders.OUTBOX_PREFIX, key.substring(OUTBOX.length()));
        }
        if (key.startsWith(INBOX)) {
            return groupFolder(Folders.INBOX_PREFIX, key.substring(INBOX.length()));
        }
        return KEYS.get(key);
    }

    private static Key lanGroup(String name) {
        return new Key(LocalGroupKeys.PREFIX + name, (value, problems) -> {
            if (!Names.isValid(name)) {
                problems.add("'" + name + "' is not a valid group name");
                return value;
            }
            try {
                LocalGroupKeys.decode(name, value);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
            return value;
        });
    }

    /**
     * The daemon settings ({@code swarmdrop.daemon.*}) in {@code text}; throws a
     * {@link ConfigFileException} listing every problem.
     */
    public static Map<String, String> parse(String text, Path origin) {
        var settings = new LinkedHashMap<String, String>();
        var problems = new ArrayList<String>();
        var seen = new LinkedHashMap<String, Integer>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = stripComment(lines[i]).strip();
            if (line.isEmpty()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                problems.add(origin + " line " + number + ": '" + line + "' is not 'key = value'");
                continue;
            }
            String key = line.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(equals + 1).strip();
            String where = origin + " line " + number + ", key '" + key + "': ";
            Key known = keyFor(key);
            if (known == null) {
                problems.add(where + "unknown key; the keys are " + String.join(", ", KEYS.keySet()) + ", " + LAN_GROUP
                        + "<name>, " + OUTBOX + "<group>, " + INBOX + "<group>");
                continue;
            }
            if (seen.containsKey(key)) {
                problems.add(where + "set twice (first on line " + seen.get(key) + ")");
                continue;
            }
            seen.put(key, number);
            if (value.isEmpty()) {
                problems.add(where + "has no value");
                continue;
            }
            var found = new ArrayList<String>();
            String converted = known.check().apply(value, found);
            found.forEach(problem -> problems.add(where + problem));
            if (found.isEmpty()) {
                String property = known.property();
                settings.put(property.startsWith("swarmdrop.") ? property : "swarmdrop.daemon." + property, converted);
            }
        }
        checkFoldersAreDistinct(settings, seen, origin, problems);
        if (!problems.isEmpty()) {
            throw new ConfigFileException(problems);
        }
        return settings;
    }

    /**
     * Two groups in one folder, or a group's outbox that is also an inbox, would publish what
     * arrives or mix groups: each overridden folder must be used once.
     */
    private static void checkFoldersAreDistinct(
            Map<String, String> settings, Map<String, Integer> lines, Path origin, List<String> problems) {
        var users = new LinkedHashMap<Path, String>();
        lines.forEach((key, line) -> {
            String value = key.startsWith(OUTBOX) || key.startsWith(INBOX)
                    ? settings.get(keyFor(key).property())
                    : null;
            if (value == null) {
                return; // Not a folder, or a folder already refused.
            }
            String first = users.putIfAbsent(Path.of(value).normalize(), key);
            if (first != null) {
                problems.add(origin + " line " + line + ", key '" + key + "': " + value + " is already the folder of '"
                        + first + "' (line " + lines.get(first) + ")");
            }
        });
    }

    /** A {@code #} starts a comment unless it is inside a value such as a password: only after whitespace or at the start. */
    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String urls(String value, List<String> problems) {
        var urls = new ArrayList<String>();
        for (String part : value.split(",")) {
            String url = part.strip();
            try {
                URI uri = new URI(url);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    problems.add("'" + url + "' is not an http:// or https:// URL with a host");
                } else {
                    SupernodeTrust.insecurity(uri).ifPresent(problems::add);
                }
            } catch (URISyntaxException e) {
                problems.add("'" + url + "' is not a URL: " + e.getReason());
            }
            urls.add(url);
        }
        return String.join(",", urls);
    }

    /** A SHA-256 fingerprint: 64 hex digits, with or without colons between the pairs. */
    private static String fingerprint(String value, List<String> problems) {
        if (!value.strip().replace(":", "").matches("[0-9a-fA-F]{64}")) {
            problems.add("'" + value + "' is not a SHA-256 fingerprint (64 hex digits, colons allowed)");
        }
        return value.strip();
    }

    private static BiFunction<String, List<String>, String> name(String what) {
        return (value, problems) -> {
            if (!Names.isValid(value)) {
                problems.add("'" + value + "' is not a valid " + what
                        + " name (lower-case letters, digits, '.', '_' and '-', starting with a letter or digit)");
            }
            return value;
        };
    }

    private static String absolutePath(String value, List<String> problems) {
        if (!Path.of(value).isAbsolute()) {
            problems.add("'" + value + "' is not an absolute path (a service has no useful working directory)");
        }
        return value;
    }

    private static String rate(String value, List<String> problems) {
        long bytes = Sizes.parse(value);
        if (bytes < 0) {
            problems.add("'" + value + "' is not a size per second (for example 0, 500KB or 10MB)");
        } else if (bytes > Integer.MAX_VALUE) {
            problems.add("'" + value + "' is more than libtorrent can limit to (2 GB per second)");
        }
        return Long.toString(Math.max(bytes, 0));
    }

    private static String port(String value, List<String> problems) {
        try {
            int port = Integer.parseInt(value);
            if (port < 1024 || port > 65535) {
                problems.add(value + " is not a port from 1024 to 65535");
            }
        } catch (NumberFormatException e) {
            problems.add("'" + value + "' is not a port number");
        }
        return value;
    }

    private static String onOff(String value, List<String> problems) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> "true";
            case "off", "false", "no" -> "false";
            default -> {
                problems.add("'" + value + "' is neither on nor off");
                yield value;
            }
        };
    }

    private static String duration(String value, List<String> problems) {
        String iso = value.toUpperCase(Locale.ROOT).startsWith("P") ? value : "PT" + value;
        try {
            if (Duration.parse(iso).isNegative()) {
                problems.add("'" + value + "' is negative");
            }
        } catch (DateTimeParseException e) {
            problems.add("'" + value + "' is not a duration (for example 2s, 500ms is not allowed: use PT0.5S, or 1m)");
        }
        return iso;
    }
}
