package io.swarmdrop.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swarmdrop.core.cluster.InvalidNameException;
import io.swarmdrop.core.security.PasswordHasher;
import io.swarmdrop.policies.GroupPolicy;
import io.swarmdrop.policies.PolicyException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DirectoryTest {

    @RegisterExtension
    final ZooKeeperExtension zk = new ZooKeeperExtension();

    private Directory directory;

    @BeforeEach
    void setUp() {
        var clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
        directory = new Directory(zk.client(), new PasswordHasher(1_000), clock);
        directory.createUser("alice", "Alice", "alice-password".toCharArray());
        directory.createUser("bob", null, "bob-password".toCharArray());
        directory.createGroup("design", "Design team");
    }

    @Test
    void storesOnlyAPasswordHash() {
        UserRecord alice = directory.findUser("alice").orElseThrow();

        assertThat(alice.passwordHash()).startsWith("pbkdf2-sha256$").doesNotContain("alice-password");
        assertThat(directory.checkPassword("alice", "alice-password".toCharArray()))
                .isTrue();
        assertThat(directory.checkPassword("alice", "wrong".toCharArray())).isFalse();
        assertThat(directory.checkPassword("nobody", "alice-password".toCharArray()))
                .isFalse();
    }

    @Test
    void refusesAPasswordTheRuleRefusesWhateverTheCaller() {
        assertThatThrownBy(() -> directory.createUser("weak", null, "short".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a password needs at least 12 characters");
        assertThat(directory.findUser("weak")).isEmpty();
        assertThatThrownBy(() -> directory.setPassword("alice", "short".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesDuplicatesAndInvalidNames() {
        assertThatThrownBy(() -> directory.createUser("alice", null, "another-password".toCharArray()))
                .isInstanceOf(DirectoryException.class)
                .extracting(e -> ((DirectoryException) e).reason())
                .isEqualTo(DirectoryException.Reason.ALREADY_EXISTS);
        assertThatThrownBy(() -> directory.createGroup("../etc", null)).isInstanceOf(InvalidNameException.class);
        assertThatThrownBy(() -> directory.createUser("Alice", null, "x".toCharArray()))
                .isInstanceOf(InvalidNameException.class);
    }

    @Test
    void keepsMembershipAndItsIndexTogether() {
        directory.addMember("design", "alice");
        directory.addMember("design", "alice");
        directory.addMember("design", "bob");

        assertThat(directory.members("design")).containsExactly("alice", "bob");
        assertThat(directory.groupsOf("alice")).containsExactly("design");

        directory.removeMember("design", "bob");

        assertThat(directory.isMember("design", "bob")).isFalse();
        assertThat(directory.groupsOf("bob")).isEmpty();
        assertThatThrownBy(() -> directory.removeMember("design", "bob"))
                .hasMessageContaining("not a member of group 'design'");
        assertThatThrownBy(() -> directory.addMember("nosuch", "alice")).hasMessageContaining("no group 'nosuch'");
    }

    @Test
    void enrolledDeviceSecretsResolveUntilRevoked() {
        Enrolment enrolment = directory.enrolDevice("alice", "pc-17");

        assertThat(directory.resolveToken(enrolment.token())).contains(new DeviceRef("alice", enrolment.device()));
        assertThat(directory.resolvePasskey(enrolment.passkey())).contains(new DeviceRef("alice", enrolment.device()));
        assertThat(directory.resolveToken(enrolment.passkey())).isEmpty();
        assertThat(directory
                        .findDevice("alice", enrolment.device())
                        .orElseThrow()
                        .tokenHash())
                .isNotEqualTo(enrolment.token());

        directory.revokeDevice("alice", enrolment.device());

        assertThat(directory.resolveToken(enrolment.token())).isEmpty();
        assertThat(directory.resolvePasskey(enrolment.passkey())).isEmpty();
        assertThat(directory.devices("alice")).isEmpty();
    }

    @Test
    void storesAValidatedPolicyWithTheGroup() {
        assertThat(directory.policy("design")).isEqualTo(GroupPolicy.DEFAULT);

        directory.setPolicy("design", "retention.max-age = P1D\nadmission.refused-extensions = exe\n");

        assertThat(directory.policy("design").retention().maxAge()).isEqualTo(java.time.Duration.ofDays(1));
        assertThat(directory.policy("design").admission().refusedExtensions()).containsExactly("exe");
        assertThatThrownBy(() -> directory.setPolicy("design", "replication.copies = lots"))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("line 1, replication.copies");
        assertThat(directory.policy("design").retention().maxAge()).isEqualTo(java.time.Duration.ofDays(1));
        assertThatThrownBy(() -> directory.setPolicy("nosuch", "")).hasMessageContaining("no group 'nosuch'");
    }

    @Test
    void aDisabledUserCannotSignInAndTheirDevicesStopWorkingUntilEnabledAgain() {
        Enrolment laptop = directory.enrolDevice("bob", "laptop");

        directory.setDisabled("bob", true);

        assertThat(directory.checkPassword("bob", "bob-password".toCharArray())).isFalse();
        assertThat(directory.resolveToken(laptop.token())).isEmpty();
        assertThat(directory.resolvePasskey(laptop.passkey())).isEmpty();
        directory.setDisabled("bob", false);
        assertThat(directory.resolveToken(laptop.token())).isPresent();
    }

    @Test
    void aPasswordResetReplacesTheOldPasswordAndKeepsDevices() {
        Enrolment laptop = directory.enrolDevice("bob", "laptop");

        directory.setPassword("bob", "a new long password".toCharArray());

        assertThat(directory.checkPassword("bob", "bob-password".toCharArray())).isFalse();
        assertThat(directory.checkPassword("bob", "a new long password".toCharArray()))
                .isTrue();
        assertThat(directory.resolveToken(laptop.token())).isPresent();
        assertThatThrownBy(() -> directory.setPassword("nobody", "nobody-password".toCharArray()))
                .isInstanceOf(DirectoryException.class)
                .hasMessage("no user 'nobody'");
    }

    @Test
    void aDeviceContactIsRecordedAndARevokedDeviceIsLeftAlone() {
        Enrolment laptop = directory.enrolDevice("bob", "laptop");

        directory.touchDevice("bob", laptop.device());
        directory.revokeDevice("bob", laptop.device());
        directory.touchDevice("bob", laptop.device());

        assertThat(directory.findDevice("bob", laptop.device())).isEmpty();
        Enrolment phone = directory.enrolDevice("bob", "phone");
        assertThat(directory.findDevice("bob", phone.device()).orElseThrow().lastContact())
                .isNull();
        directory.touchDevice("bob", phone.device());
        assertThat(directory.findDevice("bob", phone.device()).orElseThrow().lastContact())
                .isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
    }

    @Test
    void onlyAnEmptyGroupCanBeDeleted() {
        directory.addMember("design", "alice");
        directory.describeGroup("design", "Designers of everything");

        assertThat(directory.findGroup("design").orElseThrow().description()).isEqualTo("Designers of everything");
        assertThatThrownBy(() -> directory.deleteGroup("design"))
                .isInstanceOf(DirectoryException.class)
                .hasMessage("group 'design' still has members; remove them first");
        directory.removeMember("design", "alice");
        directory.deleteGroup("design");
        assertThat(directory.findGroup("design")).isEmpty();
        assertThat(directory.groupsOf("alice")).isEmpty();
    }
}
