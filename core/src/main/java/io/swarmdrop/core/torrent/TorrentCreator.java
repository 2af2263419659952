package io.swarmdrop.core.torrent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.libtorrent4j.TorrentBuilder;

/** Builds the private hybrid (v1 + v2) torrent of one file. */
public final class TorrentCreator {

    static final int MIN_PIECE = 64 * 1024;
    static final int MAX_PIECE = 16 * 1024 * 1024;
    private static final long TARGET_PIECES = 2048;

    private TorrentCreator() {}

    /**
     * Reads {@code file} once and returns its metainfo. Hybrid keeps the torrent usable by v1-only
     * clients while recipients verify with v2's SHA-256 merkle trees.
     */
    public static Metainfo create(Path file) throws IOException {
        NativeLibrary.load();
        long size = Files.size(file);
        var builder = new TorrentBuilder()
                .path(file.toFile())
                .pieceSize(pieceSizeFor(size))
                .setPrivate(true)
                .creator("Swarmdrop");
        byte[] bytes = builder.generate().entry().bencode();
        return Metainfo.parse(bytes);
    }

    /**
     * The smallest power of two that keeps a file under about 2048 pieces, between 64 KiB and
     * 16 MiB: few enough hashes to keep the metainfo small, small enough pieces to spread a file
     * among many peers early.
     */
    public static int pieceSizeFor(long size) {
        long wanted = Math.max(1, size / TARGET_PIECES);
        long piece = Long.highestOneBit(wanted);
        if (piece < wanted) {
            piece <<= 1;
        }
        return (int) Math.min(MAX_PIECE, Math.max(MIN_PIECE, piece));
    }
}
