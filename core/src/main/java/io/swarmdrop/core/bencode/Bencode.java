package io.swarmdrop.core.bencode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bencoding (BEP 3) for tracker responses and metainfo inspection.
 *
 * <p>Encoding accepts {@code byte[]}, {@link String} (as UTF-8), integral numbers, lists and maps;
 * map keys are written in sorted raw-byte order as BEP 3 requires. Decoding yields {@code byte[]}
 * for strings, {@link Long}, {@link List} and {@link Map} in their original order.
 *
 * <p>Dictionary keys can be binary (the v2 {@code piece layers} are keyed by hashes), so a key is a
 * {@link String} holding its raw bytes one per char (ISO-8859-1), which round-trips every byte. Use
 * {@link #key(String)} to look up a key that is UTF-8 text, such as a file name.
 *
 * <p>A dictionary with a key twice is refused at every level: readers differ on which copy wins
 * (a later {@code info} overwrote the first here while the info-hash and libtorrent read the
 * first, which let a publication pass admission as another file, finding I1).
 */
public final class Bencode {

    private static final int MAX_DEPTH = 64;

    /**
     * Most values one document may hold. A single-file metainfo has a few dozen (its piece hashes
     * are single strings); without a bound, a 10 MiB body of empty lists builds five million
     * objects and exhausts the heap (finding I3).
     */
    static final int MAX_VALUES = 100_000;

    private Bencode() {}

    /** The map key under which a UTF-8 text key (such as a non-ASCII file name) is stored. */
    public static String key(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    public static byte[] encode(Object value) {
        var out = new ByteArrayOutputStream();
        write(out, value);
        return out.toByteArray();
    }

    public static Object decode(byte[] data) {
        var reader = new Reader(data);
        Object value = reader.read(0);
        if (reader.pos != data.length) {
            throw new BencodeException("trailing bytes after value at offset " + reader.pos);
        }
        return value;
    }

    /** Returns the raw bytes of the value stored under the ASCII {@code key} in a bencoded dictionary. */
    public static byte[] rawValue(byte[] dictionary, String key) {
        var reader = new Reader(dictionary);
        if (reader.peek() != 'd') {
            throw new BencodeException("not a dictionary");
        }
        reader.pos++;
        var seen = new java.util.HashSet<String>();
        while (reader.peek() != 'e') {
            String k = new String(reader.readString(), StandardCharsets.ISO_8859_1);
            if (!seen.add(k)) {
                throw new BencodeException("duplicate dictionary key at offset " + reader.pos);
            }
            int start = reader.pos;
            reader.read(1);
            if (k.equals(key)) {
                return Arrays.copyOfRange(dictionary, start, reader.pos);
            }
        }
        throw new BencodeException("no key '" + key + "'");
    }

    private static void write(ByteArrayOutputStream out, Object value) {
        if (value instanceof byte[] bytes) {
            writeBytes(out, bytes);
        } else if (value instanceof String s) {
            writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            out.writeBytes(("i" + ((Number) value).longValue() + "e").getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof List<?> list) {
            out.write('l');
            list.forEach(item -> write(out, item));
            out.write('e');
        } else if (value instanceof Map<?, ?> map) {
            var sorted = new TreeMap<byte[], Object>(Arrays::compareUnsigned);
            map.forEach((k, v) -> sorted.put(((String) k).getBytes(StandardCharsets.ISO_8859_1), v));
            out.write('d');
            sorted.forEach((k, v) -> {
                writeBytes(out, k);
                write(out, v);
            });
            out.write('e');
        } else {
            throw new BencodeException("cannot bencode "
                    + (value == null ? "null" : value.getClass().getName()));
        }
    }

    private static void writeBytes(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
    }

    private static final class Reader {
        private final byte[] data;
        private int pos;
        private int values;

        Reader(byte[] data) {
            this.data = data;
        }

        int peek() {
            if (pos >= data.length) {
                throw new BencodeException("unexpected end of data at offset " + pos);
            }
            return data[pos];
        }

        Object read(int depth) {
            if (depth > MAX_DEPTH) {
                throw new BencodeException("nesting deeper than " + MAX_DEPTH);
            }
            if (++values > MAX_VALUES) {
                throw new BencodeException("more than " + MAX_VALUES + " values");
            }
            int c = peek();
            if (c == 'i') {
                pos++;
                return readNumber('e');
            }
            if (c == 'l') {
                pos++;
                var list = new ArrayList<Object>();
                while (peek() != 'e') {
                    list.add(read(depth + 1));
                }
                pos++;
                return list;
            }
            if (c == 'd') {
                pos++;
                var map = new LinkedHashMap<String, Object>();
                while (peek() != 'e') {
                    int at = pos;
                    String key = new String(readString(), StandardCharsets.ISO_8859_1);
                    if (map.containsKey(key)) {
                        throw new BencodeException("duplicate dictionary key at offset " + at);
                    }
                    map.put(key, read(depth + 1));
                }
                pos++;
                return map;
            }
            if (c >= '0' && c <= '9') {
                return readString();
            }
            throw new BencodeException("unexpected byte '" + (char) c + "' at offset " + pos);
        }

        byte[] readString() {
            long length = readNumber(':');
            if (length < 0 || length > data.length - pos) {
                throw new BencodeException("string length " + length + " exceeds data at offset " + pos);
            }
            byte[] bytes = Arrays.copyOfRange(data, pos, pos + (int) length);
            pos += (int) length;
            return bytes;
        }

        long readNumber(char terminator) {
            int start = pos;
            while (peek() != terminator) {
                pos++;
                if (pos - start > 20) {
                    throw new BencodeException("number too long at offset " + start);
                }
            }
            String digits = new String(data, start, pos - start, StandardCharsets.US_ASCII);
            pos++;
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw new BencodeException("bad number '" + digits + "' at offset " + start);
            }
        }
    }
}
