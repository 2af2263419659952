package io.swarmdrop.core.torrent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Makes the libtorrent4j native library loadable before any libtorrent4j class is touched.
 *
 * <p>Maven Central ships the native for Linux x86-64 only, inside a jar; it is copied once to a
 * per-version cache folder and announced to libtorrent4j through {@code libtorrent4j.jni.path}.
 * A native placed by hand is honoured through the same property.
 */
public final class NativeLibrary {

    private static final String PROPERTY = "libtorrent4j.jni.path";
    private static final String RESOURCE = "lib/x86_64/libtorrent4j.so";
    private static final String LIBRARY_VERSION = "2.0.6-26";
    private static volatile boolean ready;

    private NativeLibrary() {}

    public static synchronized void load() {
        if (ready) {
            return;
        }
        requireSignalChaining();
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, extract().toString());
        }
        ready = true;
    }

    /**
     * libtorrent installs its own SIGSEGV handler on its first disk access and re-raises signals it
     * did not cause; the JVM uses SIGSEGV internally, so without libjsig chaining the process dies with
     * exit code 139 and no error file. Failing here turns that crash into a message.
     */
    private static void requireSignalChaining() {
        String preload = System.getenv("LD_PRELOAD");
        if (preload == null || !preload.contains("libjsig")) {
            throw new NativeLibraryException("libtorrent needs JVM signal chaining: start this JVM with "
                    + "LD_PRELOAD=" + Path.of(System.getProperty("java.home"), "lib", "libjsig.so"));
        }
    }

    private static Path extract() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new NativeLibraryException("no libtorrent4j native for " + os + "/" + arch
                    + ": build it from the libtorrent4j sources and set -D" + PROPERTY + "=/path/to/native");
        }
        try (InputStream in = NativeLibrary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new NativeLibraryException("libtorrent4j-linux is not on the classpath (no " + RESOURCE + ")");
            }
            // One copy per user and library size serves every process; a killed process leaves no litter.
            Path folder = Path.of(
                    System.getProperty("java.io.tmpdir"),
                    "swarmdrop-native-" + System.getProperty("user.name") + "-" + LIBRARY_VERSION);
            Files.createDirectories(folder);
            Path target = folder.resolve("libtorrent4j.so");
            Path partial = Files.createTempFile(folder, "libtorrent4j", ".part");
            long size = Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            if (Files.exists(target) && Files.size(target) == size) {
                Files.delete(partial);
            } else {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the libtorrent4j native", e);
        }
    }
}
