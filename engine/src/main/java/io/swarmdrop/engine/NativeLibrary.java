package io.swarmdrop.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Makes the libtorrent4j native library loadable before any libtorrent4j class is touched, or
 * stops with a message that says what is missing: never a JVM crash.
 *
 * <p>Maven Central ships the native for Linux x86-64 only, inside a jar; it is copied once to a
 * per-version cache folder and announced to libtorrent4j through {@code libtorrent4j.jni.path}. For
 * other systems the native is built from the libtorrent4j sources (see {@code installers/<os>/README.md})
 * and shipped in the installation's {@code native/} folder, which the installers' launchers name in
 * {@code swarmdrop.native-dir}. A native named by {@code libtorrent4j.jni.path} always wins.
 */
public final class NativeLibrary {

    static final String PROPERTY = "libtorrent4j.jni.path";
    static final String NATIVE_DIR = "swarmdrop.native-dir";
    private static final String RESOURCE = "lib/x86_64/libtorrent4j.so";
    private static final String LIBRARY_VERSION = "2.0.6-26";
    private static volatile boolean ready;

    private NativeLibrary() {}

    /** Where the native comes from: a file on disk, or the copy inside the libtorrent4j-linux jar. */
    sealed interface Source {
        record File(Path path) implements Source {}

        record Bundled() implements Source {}
    }

    /** The platform as the JVM reports it, reduced to what picks a native. */
    record Platform(String os, String arch) {
        static Platform current() {
            return new Platform(System.getProperty("os.name"), System.getProperty("os.arch"));
        }

        boolean isLinux() {
            return os.toLowerCase(Locale.ROOT).contains("linux");
        }

        boolean isX86_64() {
            String a = arch.toLowerCase(Locale.ROOT);
            return a.equals("amd64") || a.equals("x86_64");
        }

        /** The native's file name on this system, as libtorrent4j names it. */
        String fileName() {
            String o = os.toLowerCase(Locale.ROOT);
            if (o.contains("win")) {
                return "libtorrent4j.dll";
            }
            return o.contains("mac") || o.contains("darwin") ? "libtorrent4j.dylib" : "libtorrent4j.so";
        }

        /** The installer folder whose README says how to build the native for this system. */
        String installerFolder() {
            String o = os.toLowerCase(Locale.ROOT);
            if (o.contains("win")) {
                return "installers/windows-service";
            }
            return o.contains("mac") || o.contains("darwin") ? "installers/macos-launchd" : "installers/linux-systemd";
        }
    }

    public static synchronized void load() {
        if (ready) {
            return;
        }
        Platform platform = Platform.current();
        if (platform.isLinux()) {
            requireSignalChaining();
        }
        Map<String, String> properties = Map.of(
                PROPERTY, System.getProperty(PROPERTY, ""),
                NATIVE_DIR, System.getProperty(NATIVE_DIR, ""));
        Source source = locate(platform, properties, Files::isRegularFile);
        if (source instanceof Source.Bundled) {
            System.setProperty(PROPERTY, extract().toString());
        } else {
            System.setProperty(PROPERTY, ((Source.File) source).path().toString());
        }
        ready = true;
    }

    /**
     * Chooses the native for {@code platform}: the file named by {@code libtorrent4j.jni.path}, else
     * one in the installation's native folder, else (Linux x86-64 only) the one in the jar. Throws
     * {@link NativeLibraryException} naming what is missing and the README that says how to build it.
     */
    static Source locate(Platform platform, Map<String, String> properties, Predicate<Path> exists) {
        String named = properties.getOrDefault(PROPERTY, "");
        if (!named.isBlank()) {
            Path path = Path.of(named);
            if (!exists.test(path)) {
                throw new NativeLibraryException(
                        "the libtorrent4j native library named by -D" + PROPERTY + " does not exist: " + path);
            }
            return new Source.File(path);
        }
        Optional<Path> installed = Optional.of(properties.getOrDefault(NATIVE_DIR, ""))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir).resolve(platform.fileName()));
        if (installed.isPresent() && exists.test(installed.get())) {
            return new Source.File(installed.get());
        }
        if (platform.isLinux() && platform.isX86_64()) {
            return new Source.Bundled();
        }
        throw new NativeLibraryException("this installation has no libtorrent4j native library for " + platform.os()
                + " " + platform.arch() + " (Maven Central ships one for Linux x86-64 only). Build "
                + platform.fileName() + " from the libtorrent4j sources as " + platform.installerFolder()
                + "/README.md says, and place it at "
                + installed
                        .map(Path::toString)
                        .orElse("native/" + platform.fileName() + " in the installation (or name it with -D" + PROPERTY
                                + ")"));
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
