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

    /** Names from the scripts people write in, and the marks right-to-left names carry. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "отчёт.pdf", "报告 2026.pdf", "報告書.docx", "보고서.hwp", "تقرير.pdf", "דוח\u200F.pdf", "\u200Fملف.txt",
                "रिपोर्ट.pdf", "รายงาน.pdf", "Αναφορά.pdf", "ანგარიში.pdf", "🎉 party.pdf", "👩🏽‍💻 notes.md",
                        "𠜎𠜱.txt",
                "COM10.txt", "console.log", "LPT.txt"
            })
    void acceptsNamesInEveryScript(String name) {
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
                "'c1\u0085.txt'    | control character",
                "'c1\u009b.txt'    | control character",
                "COM0.log          | reserved on Windows",
                "CONIN$            | reserved on Windows",
                "conout$.txt       | reserved on Windows",
                "NUL .txt          | reserved on Windows",
                "'COM\u00B9.txt'   | reserved on Windows",
                "'invoice\u202Efdp.exe' | bidirectional override",
                "'a\u202Db.txt'    | bidirectional override",
            })
    void refusesNamesThatCouldEscapeOrBreakAFolder(String name, String reason) {
        assertThatThrownBy(() -> FileNames.requireSafe(name))
                .isInstanceOf(UnsafeFileNameException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void aNumberedNameStillFitsIn255Bytes(@TempDir Path folder) throws Exception {
        String longest = "é".repeat(125) + "x.pdf"; // 255 bytes
        Files.writeString(folder.resolve(longest), "taken");

        Path free = FileNames.firstFree(folder, longest);

        String name = free.getFileName().toString();
        assertThat(name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(255);
        assertThat(name).endsWith(" (1).pdf").startsWith("é".repeat(100));
        assertThat(FileNames.requireSafe(name)).isEqualTo(name);
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
