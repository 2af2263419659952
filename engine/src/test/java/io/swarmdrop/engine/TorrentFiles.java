package io.swarmdrop.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Random files for torrent tests. */
final class TorrentFiles {

    private TorrentFiles() {}

    static Path random(Path folder, String name, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new SplittableRandom(seed).nextBytes(bytes);
        Files.createDirectories(folder);
        return Files.write(folder.resolve(name), bytes);
    }
}
