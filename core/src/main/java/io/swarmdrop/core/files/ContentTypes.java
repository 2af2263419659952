package io.swarmdrop.core.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The content type of a file from its first bytes, whatever its name says: admission policies can
 * refuse a Windows program renamed to {@code .pdf}. Files that match no signature are
 * {@code application/octet-stream}.
 */
public final class ContentTypes {

    public static final String UNKNOWN = "application/octet-stream";

    private record Signature(int offset, byte[] magic, String type) {}

    private static final List<Signature> SIGNATURES = List.of(
            sig(0, "%PDF-", "application/pdf"),
            sig(0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, "image/png"),
            sig(0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}, "image/jpeg"),
            sig(0, "GIF8", "image/gif"),
            sig(8, "WEBP", "image/webp"),
            sig(0, "MZ", "application/x-msdownload"),
            sig(0, new byte[] {0x7f, 'E', 'L', 'F'}, "application/x-executable"),
            sig(0, "#!", "text/x-script"),
            sig(0, new byte[] {'P', 'K', 3, 4}, "application/zip"),
            sig(0, new byte[] {0x1f, (byte) 0x8b}, "application/gzip"),
            sig(0, "7z", "application/x-7z-compressed"),
            sig(0, "ID3", "audio/mpeg"),
            sig(0, "OggS", "audio/ogg"),
            sig(0, "fLaC", "audio/flac"),
            sig(8, "WAVE", "audio/wav"),
            sig(4, "ftyp", "video/mp4"),
            sig(0, new byte[] {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3}, "video/webm"));

    private ContentTypes() {}

    private static Signature sig(int offset, String magic, String type) {
        return new Signature(offset, magic.getBytes(StandardCharsets.US_ASCII), type);
    }

    private static Signature sig(int offset, byte[] magic, String type) {
        return new Signature(offset, magic, type);
    }

    public static String sniff(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sniff(in.readNBytes(16));
        }
    }

    public static String sniff(byte[] head) {
        for (Signature s : SIGNATURES) {
            int end = s.offset() + s.magic().length;
            if (head.length >= end && Arrays.equals(head, s.offset(), end, s.magic(), 0, s.magic().length)) {
                return s.type();
            }
        }
        return UNKNOWN;
    }
}
