package io.swarmdrop.core.files;

import java.nio.file.Path;

/** The URL of an embedded H2 database whose every committed transaction survives a kill. */
public final class DurableH2 {

    private DurableH2() {}

    /**
     * A file database at {@code file} (without H2's {@code .mv.db} suffix). {@code WRITE_DELAY=0}
     * writes each commit to the file before the commit returns: with H2's default of 500 ms, a
     * SIGKILL reverted commits that had returned, rows added, states changed and rows deleted alike
     * ({@code CatalogCrashTest}, finding D1). {@code DB_CLOSE_ON_EXIT=FALSE} leaves closing to the
     * application, which may still write during its shutdown.
     */
    public static String url(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath().normalize() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }
}
