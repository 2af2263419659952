package io.swarmdrop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.swarmdrop.testing.DaemonProcess;
import io.swarmdrop.testing.RandomFiles;
import io.swarmdrop.testing.TestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 5, item 2: the console in Debian's headless Chromium, against a real supernode, console and
 * two daemons (separate processes). Every page visited is saved under {@code target/screenshots/}.
 */
class ConsoleBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Path folder =
            Path.of("target", "e2e", "console-" + System.nanoTime()).toAbsolutePath();
    private TestCluster cluster;
    private WebDriver browser;
    private String console;
    private int shots;

    @BeforeEach
    void start() throws Exception {
        cluster = new TestCluster(folder).startSupernode();
        console = cluster.startConsole("admin-password");
        var options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=1280,900",
                        // The console serves HTTPS with a certificate of the test cluster's CA, which
                        // Chromium does not know: it accepts that one key, and no other.
                        "--ignore-certificate-errors-spki-list=" + consoleKeyPin(),
                        "--user-data-dir=" + folder.resolve("chromium"));
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    /** The base64 SHA-256 of the console certificate's public key, as Chromium's pin list takes it. */
    private String consoleKeyPin() throws Exception {
        var certificate = io.swarmdrop.core.security.ClusterCa.readCertificates(
                        folder.resolve("console/tls/server.crt"))
                .get(0);
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(certificate.getPublicKey().getEncoded());
        return java.util.Base64.getEncoder().encodeToString(digest);
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        cluster.close();
    }

    private void open(String path) throws Exception {
        browser.get(console + path);
        screenshot();
    }

    private void screenshot() throws Exception {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        String page =
                browser.getCurrentUrl().replaceFirst("^https?://[^/]+/", "").replaceAll("[^A-Za-z0-9]+", "-");
        Files.write(SCREENSHOTS.resolve(String.format("%02d-%s.png", ++shots, page.isEmpty() ? "home" : page)), png);
    }

    private WebElement field(String id) {
        return browser.findElement(By.id(id));
    }

    private void type(String id, String text) {
        field(id).clear();
        field(id).sendKeys(text);
    }

    /** Clicks a form's button and waits for the page it leads to. */
    private void submit(String buttonId) throws Exception {
        WebElement button = field(buttonId);
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> isGone(button));
        screenshot();
    }

    /**
     * Whether the element's page has been replaced. Chrome sometimes answers a question about an
     * element of a page being replaced with "Node with given id does not belong to the document"
     * as an unknown error instead of a stale element: that means gone too.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private String text() {
        return browser.findElement(By.tagName("main")).getText();
    }

    /** Finding A4: the key of the session cookies is the console's own secret, never in its log. */
    @Test
    void theSessionKeyStaysOwnerOnlyAndOutOfTheLogAndASessionSurvivesARestart() throws Exception {
        open("/login");
        type("username", "admin");
        type("password", "admin-password");
        submit("sign-in");
        assertThat(browser.getCurrentUrl()).endsWith("/publications");

        Path keyFile = folder.resolve("console/session-key");
        assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String key = Files.readString(keyFile).trim();
        assertThat(key).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Files.readString(cluster.console().log()))
                .doesNotContain(key)
                .doesNotContain("temporary key");

        console = cluster.restartConsole();
        open("/users");
        assertThat(browser.getCurrentUrl()).as("still signed in").endsWith("/users");
        assertThat(text()).contains("Users");
        assertThat(Files.readString(cluster.console().log())).doesNotContain(key);
    }

    @Test
    void anAdministratorSetsUpAGroupWatchesADeliveryRevokesADeviceAndFindsItAllInTheAuditLog() throws Exception {
        open("/login");
        type("username", "admin");
        type("password", "admin-password");
        submit("sign-in");
        assertThat(browser.getCurrentUrl()).endsWith("/publications");

        open("/users");
        for (String user : List.of("alice", "bob")) {
            type("new-user-name", user);
            type("new-user-password", user + "-password");
            submit("create-user");
            assertThat(text()).contains("user '" + user + "' created");
            open("/users");
        }

        open("/groups");
        type("new-group-name", "design");
        type("new-group-description", "Design team");
        submit("create-group");
        for (String user : List.of("alice", "bob")) {
            type("member-search", user);
            submit("find-members");
            submit("add-" + user);
            assertThat(text()).contains(user + " is a member now");
        }

        open("/groups/design/policy");
        type("policy-text", "retention.max-age = P2D\nreplication.copies = 1\n");
        submit("preview-policy");
        assertThat(field("policy-preview").getText()).contains("0 of the group's 0 live files");
        submit("save-policy");
        assertThat(text()).contains("policy saved");

        DaemonProcess alice = cluster.daemon("alice", "alice-password").start();
        DaemonProcess bob = cluster.daemon("bob", "bob-password")
                .with("swarmdrop.daemon.torrent.download-limit", Long.toString(2L << 20))
                .start();
        Path source = RandomFiles.write(folder.resolve("sources/brochure.bin"), 24L << 20, 30);
        alice.drop("design", source);
        await("alice published")
                .atMost(Duration.ofMinutes(1))
                .ignoreExceptions()
                .until(() -> !alice.status().get("transfers").isEmpty());
        String id = alice.status().get("transfers").get(0).get("key").asText();

        open("/publications/" + id);
        await("the page shows bob fetching").atMost(Duration.ofMinutes(1)).until(() -> browser.findElement(
                        By.cssSelector("tr[data-user=bob] .state"))
                .getText()
                .equals("fetching"));
        screenshot();
        await("the page reaches 100% without a reload")
                .atMost(Duration.ofMinutes(2))
                .until(() -> field("overall-percent").getText().equals("100%"));
        screenshot();
        assertThat(browser.findElement(By.cssSelector("tr[data-user=bob] .state"))
                        .getText())
                .isEqualTo("received");
        assertThat(RandomFiles.sha256(bob.inbox("design").resolve("brochure.bin")))
                .isEqualTo(RandomFiles.sha256(source));

        open("/publications");
        assertThat(text()).contains("brochure.bin");

        open("/users/bob");
        String device =
                browser.findElement(By.cssSelector("#devices tbody tr td")).getText();
        submit("revoke-" + device);
        assertThat(text()).contains("device " + device + " revoked");

        open("/supernodes");
        assertThat(text()).contains("Zone default");

        open("/audit");
        await("the supernode's enrolments reached the audit log")
                .atMost(Duration.ofSeconds(30))
                .until(() -> {
                    browser.navigate().refresh();
                    return text().contains("enrolled a device");
                });
        screenshot();
        assertThat(text())
                .contains("signed in")
                .contains("created a user")
                .contains("created a group")
                .contains("added a member")
                .contains("changed the policy of")
                .contains("revoked a device")
                .contains("enrolled a device");
        type("audit-filter", "revoked");
        WebElement filter = field("audit-filter");
        filter.submit();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> isGone(filter));
        screenshot();
        assertThat(text()).contains("revoked a device").doesNotContain("created a group");
    }
}
