package io.swarmdrop.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.swarmdrop.console.accounts.Account;
import io.swarmdrop.console.accounts.Accounts;
import io.swarmdrop.core.audit.AuditEvent;
import io.swarmdrop.core.audit.AuditQueue;
import io.swarmdrop.core.cluster.Json;
import io.swarmdrop.core.cluster.SupernodeRecord;
import io.swarmdrop.core.cluster.ZkLayout;
import io.swarmdrop.core.directory.Directory;
import io.swarmdrop.core.directory.Enrolment;
import io.swarmdrop.core.publication.Publication;
import io.swarmdrop.core.publication.PublicationState;
import io.swarmdrop.core.publication.Publications;
import io.swarmdrop.testing.ZooKeeperResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every page and form of the console against a real (test) ZooKeeper and H2, over real HTTP. */
@QuarkusTest
@QuarkusTestResource(ZooKeeperResource.class)
class ConsolePagesTest {

    @Inject
    Directory directory;

    @Inject
    Publications publications;

    @Inject
    Accounts accounts;

    @Inject
    AuditQueue auditQueue;

    @Inject
    CuratorFramework zk;

    private Browser admin;

    @BeforeEach
    void signIn() {
        admin = Browser.signedInAs("admin", "admin-password");
        if (directory.findUser("someone").isEmpty()) {
            directory.createUser("someone", null, "a long password".toCharArray());
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void assertRedirect(Response response, String location) {
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).contains(location);
    }

    /** Issue 14, item 4: the accounts' password hashes are in a database only the console's user can open. */
    @Test
    void theDatabaseLivesInAnOwnerOnlyFolder() throws Exception {
        java.nio.file.Path db = java.nio.file.Path.of("target/test-console-data/db");

        assertThat(java.nio.file.Files.exists(db.resolve("console.mv.db"))).isTrue();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        java.nio.file.Files.getPosixFilePermissions(db)))
                .isEqualTo("rwx------");
    }

    @Test
    void aVisitorWhoIsNotSignedInIsSentToTheSignInPage() {
        Response response = given().redirects().follow(false).get("/users");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/login");
        assertThat(given().get("/login").asString()).contains("Sign in").contains("j_security_check");
        assertThat(given().get("/static/console.css").statusCode()).isEqualTo(200);
        assertThat(given().get("/q/health/ready").statusCode()).isEqualTo(200);
        assertThat(given().redirects().follow(false).get("/q/metrics").statusCode())
                .as("metrics are for signed-in accounts (M8)")
                .isEqualTo(302);
    }

    @Test
    void aWrongPasswordIsRefusedAndRepeatedFailuresAreSlowedDown() {
        var browser = new Browser();
        String name = unique("guesser");
        accounts.create(name, "right-password".toCharArray(), Account.ADMIN);

        Response wrong = browser.signIn(name, "wrong-password");
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.header("Location")).contains("/login?error=true");
        assertThat(wrong.cookies()).doesNotContainKey("swarmdrop-session");

        browser.signIn(name, "wrong-password-2");
        browser.signIn(name, "wrong-password-3");
        Response right = browser.signIn(name, "right-password");
        assertThat(right.cookies())
                .as("even the right password is refused while the account is throttled")
                .doesNotContainKey("swarmdrop-session");
        assertThat(admin.get("/audit?q=" + name).asString()).contains("failed to sign in");
    }

    @Test
    void anAdministratorCreatesAUserWhoIsListedAndSearchable() {
        String name = unique("carol");

        assertRedirect(
                admin.post("/users", "name", name, "displayName", "Carol Danvers", "password", "a long password"),
                "/users/" + name);

        assertThat(directory.checkPassword(name, "a long password".toCharArray()))
                .isTrue();
        assertThat(admin.get("/users?q=" + name).asString()).contains("Carol Danvers");
        assertThat(admin.get("/users?q=nobody-like-this").asString()).contains("No user matches");
        assertRedirect(admin.post("/users", "name", name, "password", "a long password"), "error=");
        assertRedirect(admin.post("/users", "name", "Bad Name!", "password", "a long password"), "error=");
        assertRedirect(admin.post("/users", "name", unique("dan"), "password", "short"), "at+least+12+characters");
    }

    @Test
    void disablingAUserStopsTheirDevicesAndAPasswordResetTakesEffect() {
        String name = unique("erin");
        directory.createUser(name, null, "first password".toCharArray());
        Enrolment laptop = directory.enrolDevice(name, "laptop");

        assertRedirect(admin.post("/users/" + name + "/disabled", "disabled", "true"), "/users/" + name);
        assertThat(directory.resolveToken(laptop.token())).isEmpty();
        assertThat(admin.get("/users/" + name).asString()).contains("disabled");
        assertRedirect(admin.post("/users/" + name + "/disabled", "disabled", "false"), "/users/" + name);
        assertThat(directory.resolveToken(laptop.token())).isPresent();

        assertRedirect(admin.post("/users/" + name + "/password", "password", "second password"), "password+reset");
        assertThat(directory.checkPassword(name, "second password".toCharArray()))
                .isTrue();
    }

    @Test
    void revokingADeviceStopsItsTokenAndPasskeyAtOnceAndIsAudited() {
        String name = unique("frank");
        directory.createUser(name, null, "frank password".toCharArray());
        Enrolment laptop = directory.enrolDevice(name, "franks-laptop");
        directory.touchDevice(name, laptop.device());
        assertThat(admin.get("/users/" + name).asString())
                .contains("franks-laptop")
                .contains(laptop.device());

        assertRedirect(admin.post("/users/" + name + "/devices/" + laptop.device() + "/revoke"), "revoked");

        assertThat(directory.resolveToken(laptop.token())).isEmpty();
        assertThat(directory.resolvePasskey(laptop.passkey())).isEmpty();
        assertThat(admin.get("/audit?q=" + name).asString())
                .contains("revoked a device")
                .contains("franks-laptop");
    }

    /** Issue 17, item 4: what a device cannot do on its own shows on its user's page, as text. */
    @Test
    void aDevicesReportedProblemsShowOnItsUsersPageEscaped() {
        String name = unique("hugo");
        directory.createUser(name, null, "hugo password".toCharArray());
        Enrolment laptop = directory.enrolDevice(name, "hugos-laptop");
        assertThat(admin.get("/users/" + name).asString()).doesNotContain("Needs attention");

        directory.setDeviceProblems(
                name,
                laptop.device(),
                List.of("refused: design/NUL .txt: the name is reserved on Windows", "<b>x</b>"));

        assertThat(admin.get("/users/" + name).asString())
                .contains("Needs attention")
                .contains("refused: design/NUL .txt: the name is reserved on Windows")
                .contains("&lt;b&gt;x&lt;/b&gt;")
                .doesNotContain("<b>x</b>");
    }

    @Test
    void groupsAreCreatedDescribedGivenMembersAndDeletedOnlyWhenEmpty() {
        String group = unique("design");
        String user = unique("gina");
        directory.createUser(user, null, "gina password".toCharArray());

        assertRedirect(admin.post("/groups", "name", group, "description", "Design team"), "/groups/" + group);
        assertThat(admin.get("/groups/" + group + "?q=" + user).asString()).contains("Add " + user);
        assertRedirect(admin.post("/groups/" + group + "/members", "user", user), "is+a+member");
        assertThat(directory.isMember(group, user)).isTrue();
        assertThat(admin.get("/groups/" + group).asString()).contains(user).contains("offline");
        assertRedirect(admin.post("/groups/" + group + "/description", "description", "Designers"), "saved");
        assertThat(directory.findGroup(group).orElseThrow().description()).isEqualTo("Designers");

        assertRedirect(admin.post("/groups/" + group + "/delete"), "still+has+members");
        assertRedirect(admin.post("/groups/" + group + "/members/" + user + "/remove"), "no+longer+a+member");
        assertRedirect(admin.post("/groups/" + group + "/delete"), "deleted");
        assertThat(directory.findGroup(group)).isEmpty();
    }

    @Test
    void removingAMemberFromAGroupThatDoesNotExistSaysSo() {
        Response response = admin.post("/groups/no-such-group/members/anyone/remove");

        assertRedirect(response, "/groups?error=");
        assertThat(response.header("Location")).contains("no+group+%27no-such-group%27");
    }

    @Test
    void anInvalidPolicyIsShownWithEachProblemNextToTheFieldAndNotSaved() {
        String group = unique("finance");
        directory.createGroup(group, null);

        Response response = admin.post(
                "/groups/" + group + "/policy", "text", "retention.max-age = soon\ncolour = blue\n", "action", "save");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.asString())
                .contains("policy-problems")
                .contains("line 1")
                .contains("retention.max-age")
                .contains("line 2")
                .contains("colour");
        assertThat(directory.findGroup(group).orElseThrow().policy()).isBlank();
    }

    @Test
    void aPolicyIsPreviewedAgainstTheGroupsFilesAndThenSaved() {
        String group = unique("sales");
        directory.createGroup(group, null);
        publications.create(publication(group, Instant.now().minus(Duration.ofDays(3)), 5000), List.of("someone"));
        publications.create(publication(group, Instant.now(), 7000), List.of("someone"));

        Response preview =
                admin.post("/groups/" + group + "/policy", "text", "retention.max-age = P1D\n", "action", "preview");

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.asString()).contains("1 of the group's 2 live files").contains("5000 bytes");
        assertThat(directory.findGroup(group).orElseThrow().policy()).isBlank();
        assertRedirect(
                admin.post("/groups/" + group + "/policy", "text", "retention.max-age = P1D\n", "action", "save"),
                "saved");
        assertThat(directory.policy(group).retention().maxAge()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void anAuditorMayLookButNotChangeAnything() {
        String name = unique("audrey");
        accounts.create(name, "auditor password".toCharArray(), Account.AUDITOR);
        Browser auditor = Browser.signedInAs(name, "auditor password");

        assertThat(auditor.get("/groups").statusCode()).isEqualTo(200);
        assertThat(auditor.get("/groups").asString()).doesNotContain("New group");
        assertThat(auditor.post("/groups", "name", unique("sneaky")).statusCode())
                .isEqualTo(403);
        assertThat(auditor.post("/users", "name", unique("sneaky"), "password", "a long password")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void anAdministratorAddsAnAuditorWhoCanSignInButNotManageAccounts() {
        String name = unique("olga");

        assertRedirect(
                admin.post("/accounts", "name", name, "password", "auditor password", "role", "auditor"), "created");
        assertRedirect(
                admin.post("/accounts", "name", unique("x"), "password", "short", "role", "auditor"), "12+characters");
        assertRedirect(
                admin.post("/accounts", "name", unique("x"), "password", "long enough pw", "role", "root"), "error=");

        Browser auditor = Browser.signedInAs(name, "auditor password");
        assertThat(auditor.get("/accounts").statusCode()).isEqualTo(403);
        assertThat(admin.get("/accounts").asString()).contains(name).contains("auditor");
        assertThat(admin.get("/audit?q=" + name).asString()).contains("created a console account");
    }

    /** Issue 14, item 4 (M6): console accounts could be created, never changed or removed. */
    @Test
    void anAdministratorDisablesReKeysAndDeletesAConsoleAccount() {
        String name = unique("nina");
        accounts.create(name, "ninas first password".toCharArray(), Account.ADMIN);
        Browser nina = Browser.signedInAs(name, "ninas first password");
        assertThat(nina.get("/users").statusCode()).isEqualTo(200);

        assertRedirect(admin.post("/accounts/" + name + "/disable"), "disabled");
        assertThat(nina.get("/users").statusCode()).as("her open session ends").isEqualTo(302);
        assertThat(new Browser().signIn(name, "ninas first password").cookies()).doesNotContainKey("swarmdrop-session");
        assertThat(admin.get("/accounts").asString()).contains("disabled");

        assertRedirect(admin.post("/accounts/" + name + "/enable"), "enabled");
        assertRedirect(admin.post("/accounts/" + name + "/password", "password", "short"), "12+characters");
        assertRedirect(admin.post("/accounts/" + name + "/password", "password", "ninas second password"), "changed");
        assertThat(new Browser().signIn(name, "ninas first password").cookies()).doesNotContainKey("swarmdrop-session");
        Browser again = Browser.signedInAs(name, "ninas second password");

        assertRedirect(admin.post("/accounts/" + name + "/delete"), "deleted");
        assertThat(again.get("/users").statusCode()).isEqualTo(302);
        assertThat(accounts.all()).extracting(a -> a.name).doesNotContain(name);
        assertRedirect(admin.post("/accounts/nobody-here/delete"), "error=");
        assertThat(admin.get("/audit?q=" + name).asString())
                .contains("disabled a console account")
                .contains("changed the password of a console account")
                .contains("deleted a console account");
    }

    @Test
    void theGeneratedFirstAdminPasswordFileGoesOnceTheAdminHasAPasswordOfTheirOwn() throws Exception {
        java.nio.file.Path generated = accounts.firstAdminPasswordFile();
        java.nio.file.Files.createDirectories(generated.getParent());
        java.nio.file.Files.writeString(generated, "generated-password\n");
        assertThat(admin.get("/accounts").asString()).contains("still signs in with the generated password");

        assertRedirect(admin.post("/accounts/admin/password", "password", "admin-password"), "changed");

        assertThat(generated).doesNotExist();
        assertThat(admin.get("/accounts").asString()).doesNotContain("still signs in with the generated password");
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        String group = unique("csrf");

        Response missing = admin.postWithToken("/groups", null, "name", group);
        Response forged = admin.postWithToken("/groups", "x".repeat(43), "name", group);

        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(missing.asString()).contains("security token is missing or stale");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(directory.findGroup(group)).isEmpty();
    }

    @Test
    void publicationsShowEachRecipientAndTheOverallProgress() {
        String group = unique("media");
        directory.createGroup(group, null);
        for (String user : List.of("hank", "ivy", "jo")) {
            if (directory.findUser(user).isEmpty()) {
                directory.createUser(user, null, "a long password".toCharArray());
            }
        }
        Publication publication = publication(group, Instant.now(), 1000);
        publications.create(publication, List.of("hank", "ivy", "jo"));
        publications.acknowledge(publication.id(), "hank", "d1");
        publications.reportProgress(publication.id(), "ivy", "d2", 500);

        String page = admin.get("/publications/" + publication.id()).asString();
        assertThat(page).contains("received").contains("fetching").contains("pending (offline)");
        var json = admin.get("/publications/" + publication.id() + "/progress").jsonPath();
        assertThat(json.getInt("percent")).isEqualTo(50);
        assertThat(json.getList("recipients.state")).containsExactly("received", "fetching", "pending (offline)");
        assertThat(admin.get("/publications?group=" + group).asString()).contains(publication.name());
        assertThat(admin.get("/publications/progress?group=" + group).jsonPath().getInt(publication.id()))
                .isEqualTo(50);
        assertThat(admin.get("/publications/no-such-id").statusCode()).isEqualTo(404);
    }

    @Test
    void supernodesAreShownPerZoneWithWhatTheyHold() throws Exception {
        var record = new SupernodeRecord(
                "sn-test", "lisbon", "http://127.0.0.1:1", "127.0.0.1", 6880, "hash", Instant.now(), "AB:CD");
        zk.create()
                .creatingParentsIfNeeded()
                .withMode(CreateMode.EPHEMERAL)
                .forPath(ZkLayout.supernode("lisbon", "sn-test"), Json.write(record));
        String group = unique("video");
        directory.createGroup(group, null);
        Publication publication = publication(group, Instant.now(), 4096);
        publications.create(publication, List.of("someone"));
        publications.hold(publication.id(), "sn-test", "lisbon", true);

        String page = admin.get("/supernodes").asString();

        assertThat(page)
                .contains("Zone lisbon")
                .contains("sn-test")
                .contains(publication.name())
                .contains("4096 bytes")
                .contains("trust-ca-sha256</code>): <code>AB:CD</code>");
    }

    @Test
    void enrolmentsFromTheSupernodesReachTheAuditLogWhichExportsAsCsv() {
        String user = unique("kim");
        auditQueue.publish(new AuditEvent(
                Instant.now(), user, "enrolled a device", "device d9 (=cmd|calc) of " + user, "10.1.2.3"));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> admin.get("/audit?q=" + user).asString().contains("enrolled a device"));
        String csv = admin.get("/audit/export.csv?q=" + user).asString();

        assertThat(csv).startsWith("at,actor,action,target,source\r\n").contains(user + ",enrolled a device,");
        assertThat(csv).contains("10.1.2.3");
    }

    @Test
    void signingOutEndsTheSession() {
        Browser browser = Browser.signedInAs("admin", "admin-password");

        Response response = browser.post("/logout");

        assertRedirect(response, "/login");
        assertThat(browser.get("/users").statusCode()).isEqualTo(302);
    }

    private static Publication publication(String group, Instant createdAt, long size) {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        return new Publication(
                id,
                group,
                "file-" + id + ".pdf",
                size,
                null,
                id + "0".repeat(64 - id.length()),
                "publisher",
                "device",
                "sn-test",
                createdAt,
                PublicationState.ACTIVE,
                "lisbon");
    }
}
