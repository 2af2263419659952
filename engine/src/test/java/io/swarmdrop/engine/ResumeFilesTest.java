package io.swarmdrop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeFilesTest {

    @TempDir
    Path folder;

    @Test
    void keepsTheLastVersionOfEachKeyAndForgetsItOnDelete() throws Exception {
        var resume = new ResumeFiles(folder.resolve("resume"));
        assertThat(resume.read("p1")).isEmpty();
        resume.write("p1", new byte[] {1, 2, 3});
        resume.write("p1", new byte[] {4});
        resume.write("p2", new byte[] {5});
        assertThat(resume.read("p1"))
                .hasValueSatisfying(data -> assertThat(data).containsExactly(4));
        resume.delete("p1");
        resume.delete("p1");
        assertThat(resume.read("p1")).isEmpty();
        assertThat(new ResumeFiles(folder.resolve("resume")).read("p2"))
                .hasValueSatisfying(data -> assertThat(data).containsExactly(5));
    }

    @Test
    void aTemporaryFileLeftByAKillIsRemovedAndNeverRead() throws Exception {
        Path left = Files.createDirectories(folder.resolve("resume")).resolve("p1.resume.tmp");
        Files.write(left, new byte[] {9, 9});
        var resume = new ResumeFiles(folder.resolve("resume"));
        assertThat(left).doesNotExist();
        assertThat(resume.read("p1")).isEmpty();
    }

    @Test
    void aKeyThatIsNotOneSafeNameIsRefused() {
        var resume = new ResumeFiles(folder.resolve("resume"));
        for (String key : new String[] {"../p1", "a/b", ".hidden", "", "x".repeat(201)}) {
            assertThatThrownBy(() -> resume.write(key, new byte[1]))
                    .as(key)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(folder.resolve("p1.resume")).doesNotExist();
    }
}
