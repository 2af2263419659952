package io.swarmdrop.engine;

import io.swarmdrop.core.torrent.Metainfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.libtorrent4j.TorrentBuilder;

/** Builds the private hybrid (v1 + v2) torrent of one file, an SSL torrent when given a peer root. */
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
        return create(file, (done, pieces) -> {});
    }

    /**
     * As {@link #create(Path)}, telling {@code progress} how many pieces of how many are hashed
     * (once per piece): a file of tens of gigabytes takes minutes.
     */
    public static Metainfo create(Path file, HashingProgress progress) throws IOException {
        return create(file, null, progress);
    }

    /**
     * As {@link #create(Path, HashingProgress)}, for an SSL torrent when {@code peerRoot} (a PEM
     * root certificate) is given: only peers holding a certificate signed by it may join. The root
     * goes into the info dictionary (libtorrent4j's builder cannot set it), so it is part of the
     * info-hash and nobody can swap it.
     */
    public static Metainfo create(Path file, String peerRoot, HashingProgress progress) throws IOException {
        String name = file.getFileName().toString();
        if (NativeNames.crossesUnchanged(name)) {
            return build(file, peerRoot, progress);
        }
        // libtorrent cannot be given this name (see NativeNames): hash the bytes through a link with
        // a plain name, then give the torrent the file's own name.
        Path link = NativeNames.link(file, file.getParent(), "hashing-" + System.nanoTime());
        try {
            return Metainfo.parseRenamed(hash(link, progress), name).withPeerRootIfAny(peerRoot);
        } finally {
            NativeNames.unlink(link);
        }
    }

    private static Metainfo build(Path file, String peerRoot, HashingProgress progress) throws IOException {
        return Metainfo.parse(hash(file, progress)).withPeerRootIfAny(peerRoot);
    }

    /** The bencoded hybrid torrent of {@code file}, unchecked. */
    private static byte[] hash(Path file, HashingProgress progress) throws IOException {
        NativeLibrary.load();
        long size = Files.size(file);
        var builder = new TorrentBuilder()
                .path(file.toFile())
                .pieceSize(pieceSizeFor(size))
                .setPrivate(true)
                .creator("Swarmdrop")
                .listener(new TorrentBuilder.Listener() {
                    // libtorrent reports each piece as its hash completes, not in order: count them.
                    private int done;

                    @Override
                    public boolean accept(String fileName) {
                        return true;
                    }

                    @Override
                    public void progress(int piece, int pieces) {
                        progress.hashed(++done, pieces);
                    }
                });
        return builder.generate().entry().bencode();
    }

    /** Told after each piece is hashed. */
    @FunctionalInterface
    public interface HashingProgress {
        void hashed(int piecesDone, int pieces);
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
