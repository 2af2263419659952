package io.swarmdrop.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AdmissionTest {

    private final Admission documents = new Admission(10L << 20, Set.of("pdf", "docx"), Set.of("exe"), 100L << 20);

    @Test
    void admitsAFileWithinEveryLimit() {
        assertThat(documents.refusal("Report.PDF", 5L << 20, 50L << 20)).isEmpty();
    }

    @Test
    void refusesWithAReasonAPersonUnderstands() {
        assertThat(documents.refusal("setup.exe", 1, 0)).contains("files of type .exe are refused in this group");
        assertThat(documents.refusal("photo.png", 1, 0))
                .contains("this group accepts only .docx, .pdf files, not .png");
        assertThat(documents.refusal("README", 1, 0))
                .contains("this group accepts only .docx, .pdf files; this file has no extension");
        assertThat(documents.refusal("big.pdf", 11L << 20, 0))
                .contains("the file has 11 MB, more than this group's limit of 10 MB");
        assertThat(documents.refusal("last.pdf", 2L << 20, 99L << 20))
                .contains("the group holds 99 MB; with this file it would exceed its limit of 100 MB");
    }

    @Test
    void zeroMeansNoLimit() {
        var open = new Admission(0, Set.of(), Set.of(), 0);
        assertThat(open.refusal("anything.iso", 1L << 40, 1L << 50)).isEmpty();
    }

    @Test
    void judgesTheContentByItsSniffedTypeWhateverTheName() {
        var media = new Admission(
                0, Set.of(), Set.of(), 0, Set.of("video/*", "application/pdf"), Set.of("application/x-msdownload"));

        assertThat(media.refusal("invoice.pdf", 1, "application/x-msdownload", 0))
                .contains("its content is application/x-msdownload, which this group refuses");
        assertThat(media.refusal("notes.txt", 1, "text/plain", 0))
                .contains("its content is text/plain; this group accepts only application/pdf, video/*");
        assertThat(media.refusal("clip.mp4", 1, "video/mp4", 0)).isEmpty();
        assertThat(media.refusal("report.pdf", 1, "application/pdf", 0)).isEmpty();
        assertThat(media.refusal("invoice.pdf", 1, null, 0))
                .as("finding I2: leaving the type out does not skip the type rules")
                .contains("its content is of no declared type (application/octet-stream); this group accepts only"
                        + " application/pdf, video/*");
        var anyType = new Admission(0, Set.of(), Set.of(), 0, Set.of(), Set.of("application/x-msdownload"));
        assertThat(anyType.refusal("unknown.bin", 1, null, 0))
                .as("no declared type, no allow-list: only the refused types apply")
                .isEmpty();
    }
}
