package io.swarmdrop.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FileNamesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"report.pdf", "Quarterly report (final).pdf", "photo 2026-11-22.jpg", "ñandú.mp3", "setup.exe"})
    void acceptsOrdinaryNames(String name) {
        assertThat(FileNames.requireSafe(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "../x              | path separator",
                "/etc/passwd       | path separator",
                "a\\b              | path separator",
                "C:evil            | path separator",
                "..                | refers to a folder",
                ".bashrc           | hidden",
                "CON               | reserved on Windows",
                "nul.txt           | reserved on Windows",
                "trailing.         | ends with a dot",
                "'bell\u0007'      | control character",
            })
    void refusesNamesThatCouldEscapeOrBreakAFolder(String name, String reason) {
        assertThatThrownBy(() -> FileNames.requireSafe(name))
                .isInstanceOf(UnsafeFileNameException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void refusesEmptyAndOverlongNames() {
        assertThatThrownBy(() -> FileNames.requireSafe("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> FileNames.requireSafe("a".repeat(256))).hasMessageContaining("longer than 255");
    }

    @ParameterizedTest
    @CsvSource({
        "report.pdf.part, true",
        "download.crdownload, true",
        "~$report.docx, true",
        ".hidden, true",
        "data.tmp, true",
        "report.pdf, false",
        "partial-results.csv, false"
    })
    void recognisesTemporaryNames(String name, boolean temporary) {
        assertThat(FileNames.isTemporary(name)).isEqualTo(temporary);
    }

    @Test
    void firstFreeAddsASuffixBeforeTheExtension(@TempDir Path folder) throws Exception {
        assertThat(FileNames.firstFree(folder, "report.pdf")).isEqualTo(folder.resolve("report.pdf"));

        Files.writeString(folder.resolve("report.pdf"), "1");
        Files.writeString(folder.resolve("report (1).pdf"), "2");
        Files.writeString(folder.resolve("README"), "3");

        assertThat(FileNames.firstFree(folder, "report.pdf")).isEqualTo(folder.resolve("report (2).pdf"));
        assertThat(FileNames.firstFree(folder, "README")).isEqualTo(folder.resolve("README (1)"));
    }
}
