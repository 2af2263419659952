package io.swarmdrop.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swarmdrop.core.cluster.InvalidNameException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldersTest {

    @TempDir
    Path root;

    @Test
    void createsAnOutboxAndAnInboxPerGroup() {
        var folders = new Folders(root);
        folders.createBase();
        folders.createGroup("design");

        assertThat(root.resolve("outbox/design")).isDirectory();
        assertThat(root.resolve("inbox/design")).isDirectory();
        assertThat(root.resolve(".swarmdrop/staging")).isDirectory();
    }

    @Test
    void aGroupOrPublicationNameFromTheNetworkCannotLeaveTheRoot() {
        var folders = new Folders(root);

        assertThatThrownBy(() -> folders.inbox("../../etc")).isInstanceOf(InvalidNameException.class);
        assertThatThrownBy(() -> folders.outbox("/tmp")).isInstanceOf(InvalidNameException.class);
        assertThatThrownBy(() -> folders.staging("..")).isInstanceOf(InvalidNameException.class);
    }
}
