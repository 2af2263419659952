package io.swarmdrop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which native each platform loads, and the message when there is none. */
class NativeLibraryTest {

    private static final NativeLibrary.Platform LINUX = new NativeLibrary.Platform("Linux", "amd64");
    private static final NativeLibrary.Platform MAC = new NativeLibrary.Platform("Mac OS X", "aarch64");
    private static final NativeLibrary.Platform WINDOWS = new NativeLibrary.Platform("Windows 11", "amd64");
    private static final NativeLibrary.Platform LINUX_ARM = new NativeLibrary.Platform("Linux", "aarch64");

    private static NativeLibrary.Source locate(
            NativeLibrary.Platform platform, Map<String, String> properties, Set<Path> files) {
        return NativeLibrary.locate(platform, properties, files::contains);
    }

    @Test
    void linuxX86UsesTheNativeInsideTheJar() {
        assertThat(locate(LINUX, Map.of(), Set.of())).isInstanceOf(NativeLibrary.Source.Bundled.class);
    }

    @Test
    void aNativeInTheInstallationsFolderIsPickedUpForItsSystem() {
        var dir = Map.of(NativeLibrary.NATIVE_DIR, "/Applications/Swarmdrop.app/Contents/app/native");
        Path dylib = Path.of("/Applications/Swarmdrop.app/Contents/app/native/libtorrent4j.dylib");
        assertThat(locate(MAC, dir, Set.of(dylib))).isEqualTo(new NativeLibrary.Source.File(dylib));

        var windowsDir = Map.of(NativeLibrary.NATIVE_DIR, "C:\\Program Files\\Swarmdrop\\app\\native");
        Path dll = Path.of("C:\\Program Files\\Swarmdrop\\app\\native").resolve("libtorrent4j.dll");
        assertThat(locate(WINDOWS, windowsDir, Set.of(dll))).isEqualTo(new NativeLibrary.Source.File(dll));

        // Also on Linux: a native built for another architecture, or a newer build, wins over the jar's.
        Path so = Path.of("/opt/swarmdrop/lib/app/native/libtorrent4j.so");
        assertThat(locate(LINUX_ARM, Map.of(NativeLibrary.NATIVE_DIR, "/opt/swarmdrop/lib/app/native"), Set.of(so)))
                .isEqualTo(new NativeLibrary.Source.File(so));
    }

    @Test
    void withoutANativeForItsSystemItSaysWhatToBuildAndWhereToPutIt() {
        var dir = Map.of(NativeLibrary.NATIVE_DIR, "/Applications/Swarmdrop.app/Contents/app/native");
        assertThatThrownBy(() -> locate(MAC, dir, Set.of()))
                .isInstanceOf(NativeLibraryException.class)
                .hasMessage("this installation has no libtorrent4j native library for Mac OS X aarch64 (Maven Central"
                        + " ships one for Linux x86-64 only). Build libtorrent4j.dylib from the libtorrent4j sources as"
                        + " installers/macos-launchd/README.md says, and place it at"
                        + " /Applications/Swarmdrop.app/Contents/app/native/libtorrent4j.dylib");
        assertThatThrownBy(() -> locate(WINDOWS, Map.of(), Set.of()))
                .hasMessageContaining("for Windows 11 amd64")
                .hasMessageContaining("Build libtorrent4j.dll")
                .hasMessageContaining("installers/windows-service/README.md")
                .hasMessageEndingWith("place it at native/libtorrent4j.dll in the installation (or name it with"
                        + " -Dlibtorrent4j.jni.path)");
        assertThatThrownBy(() -> locate(LINUX_ARM, Map.of(), Set.of()))
                .hasMessageContaining("for Linux aarch64")
                .hasMessageContaining("installers/linux-systemd/README.md");
    }

    @Test
    void aNamedNativeThatIsMissingIsAnErrorNotAFallback() {
        var named = Map.of(NativeLibrary.PROPERTY, "/nowhere/libtorrent4j.so");
        assertThatThrownBy(() -> locate(LINUX, named, Set.of()))
                .hasMessage("the libtorrent4j native library named by -Dlibtorrent4j.jni.path does not exist:"
                        + " /nowhere/libtorrent4j.so");
        assertThat(locate(LINUX, named, Set.of(Path.of("/nowhere/libtorrent4j.so"))))
                .isEqualTo(new NativeLibrary.Source.File(Path.of("/nowhere/libtorrent4j.so")));
    }
}
