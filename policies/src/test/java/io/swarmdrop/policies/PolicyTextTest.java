package io.swarmdrop.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyTextTest {

    @Test
    void readsEveryKey() {
        GroupPolicy policy = PolicyText.parse(
                """
                # Design team: big files, short life
                retention.max-age = P3D
                retention.delete-when-delivered = false
                replication.copies = 3
                admission.max-file-size = 2GB
                admission.allowed-extensions = PDF, .png,jpg
                admission.refused-extensions =
                admission.max-group-bytes = 50 GB   # the whole group
                """);

        assertThat(policy.retention()).isEqualTo(new Retention(Duration.ofDays(3), false));
        assertThat(policy.replication().copies()).isEqualTo(3);
        assertThat(policy.admission().maxFileSize()).isEqualTo(2L << 30);
        assertThat(policy.admission().allowedExtensions()).containsExactlyInAnyOrder("pdf", "png", "jpg");
        assertThat(policy.admission().refusedExtensions()).isEmpty();
        assertThat(policy.admission().maxGroupBytes()).isEqualTo(50L << 30);
        assertThat(PolicyText.parse("admission.refused-types = Application/X-MSDownload, video/*\n")
                        .admission()
                        .refusedTypes())
                .containsExactlyInAnyOrder("application/x-msdownload", "video/*");
    }

    @Test
    void blankTextIsTheDefaultAndFormattedTextReadsBack() {
        assertThat(PolicyText.parse("")).isEqualTo(GroupPolicy.DEFAULT);
        assertThat(PolicyText.parse(null)).isEqualTo(GroupPolicy.DEFAULT);
        var policy = new GroupPolicy(
                new Retention(Duration.ofHours(12), false),
                new Replication(1),
                new Admission(1024, Set.of("pdf"), Set.of("exe"), 0, Set.of("image/*"), Set.of("application/zip")));
        assertThat(PolicyText.parse(PolicyText.format(policy))).isEqualTo(policy);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "retention.max-age = seven days | line 1, retention.max-age: 'seven days' is not an ISO-8601 duration such as P7D",
                "retention.max-age = PT0S | line 1, retention.max-age: must be longer than zero",
                "retention.delete-when-delivered = maybe | line 1, retention.delete-when-delivered: 'maybe' is neither true nor false",
                "replication.copies = 0 | line 1, replication.copies: '0' is not a number of copies from 1 to 16",
                "admission.max-file-size = 2 gigs | line 1, admission.max-file-size: '2 gigs' is not a size such as 500MB",
                "admission.allowed-extensions = pdf, *.exe | line 1, admission.allowed-extensions: '*.exe' is not a file extension",
                "admission.refused-types = exe | line 1, admission.refused-types: 'exe' is not a content type such as application/pdf",
                "retention.maxage = P1D | line 1, retention.maxage: unknown key; known keys are admission.allowed-extensions",
                "just words | line 1: expected 'key = value', found 'just words'",
            })
    void explainsEachProblemWithItsLineAndKey(String text, String message) {
        assertThatThrownBy(() -> PolicyText.parse(text))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining(message);
    }

    /** Finding I6: a retention of 400 billion days once stopped collection for every group. */
    @Test
    void refusesADurationBeyondTenYears() {
        var e = (PolicyException) org.assertj.core.api.Assertions.catchThrowable(
                () -> PolicyText.parse("retention.max-age = P400000000000D\n"));

        assertThat(e).isNotNull();
        assertThat(e.problems())
                .extracting(PolicyException.Problem::toString)
                .containsExactly(
                        "line 1, retention.max-age: 'P400000000000D' is longer than the longest allowed, P3650D (about ten years)");
        assertThat(PolicyText.parse("retention.max-age = P3650D\n").retention().maxAge())
                .isEqualTo(java.time.Duration.ofDays(3650));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        var e = (PolicyException)
                org.assertj.core.api.Assertions.catchThrowable(
                        () -> PolicyText.parse(
                                """
                retention.max-age = P7D
                retention.max-age = P8D
                replication.copies = many
                admission.allowed-extensions = pdf
                admission.refused-extensions = pdf
                """));

        assertThat(e.problems())
                .extracting(PolicyException.Problem::toString)
                .containsExactly(
                        "line 2, retention.max-age: set twice",
                        "line 3, replication.copies: 'many' is not a number of copies from 1 to 16",
                        "line 5, admission: extensions both allowed and refused: pdf");
    }
}
