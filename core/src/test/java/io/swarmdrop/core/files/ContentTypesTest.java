package io.swarmdrop.core.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentTypesTest {

    @ParameterizedTest
    @CsvSource({
        "255044462d312e37, application/pdf", // %PDF-1.7
        "89504e470d0a1a0a, image/png",
        "ffd8ffe0, image/jpeg",
        "4d5a9000, application/x-msdownload", // MZ
        "7f454c46, application/x-executable",
        "504b0304, application/zip", // also docx, xlsx, odt
        "494433, audio/mpeg", // ID3
        "0000001866747970, video/mp4", // ....ftyp
        "52494646000000005741564500, audio/wav", // RIFF....WAVE
        "68656c6c6f, application/octet-stream" // "hello"
    })
    void namesTheTypeFromTheFirstBytes(String hex, String type) {
        assertThat(ContentTypes.sniff(java.util.HexFormat.of().parseHex(hex))).isEqualTo(type);
    }

    @Test
    void aProgramRenamedToPdfIsStillAProgram(@TempDir Path folder) throws Exception {
        Path disguised = Files.write(
                folder.resolve("invoice.pdf"), "MZ\u0090\u0000 This program".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(ContentTypes.sniff(disguised)).isEqualTo("application/x-msdownload");
        assertThat(ContentTypes.sniff(Files.write(folder.resolve("empty"), new byte[0])))
                .isEqualTo(ContentTypes.UNKNOWN);
    }
}
