package dev.calsync.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.calsync.app.server.CalsyncServer;
import dev.calsync.app.server.ServeTestConfig;
import dev.calsync.core.block.BlockMarker;
import dev.calsync.emulator.GoogleCalendarEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The whole service in headless Chromium, as a person uses it: sign in through an OpenID Connect server, connect
 * two Google accounts (real authorization-code flow; the emulator plays Google Calendar), create a group of three
 * calendars, press "Sync now", and see the blocks counted on the dashboard and present on the emulator.
 * Saves screenshots of the dashboard and the group page to docs/.
 */
class BrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private GoogleCalendarEmulator emulator;
    private MockOAuth2Server oauth;
    private EmulatorTokenBridge bridge;
    private CalsyncServer server;
    private WebDriver browser;
    private String base;

    @BeforeEach
    void start(@TempDir Path profile) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: the browser test needs Debian's chromium and chromium-driver (/usr/bin/chromium)");
        emulator = GoogleCalendarEmulator.start(0);
        emulator.loadDemoSeed();
        // Alice's work account gets a second calendar, so the group can have three.
        emulator.addCalendar("alice-work", "team@work.example", "Team (work)", false);
        // Interactive login: the mock server shows a sign-in form where the browser types who it is.
        oauth = new MockOAuth2Server(new OAuth2Config(true));
        oauth.start();
        bridge = new EmulatorTokenBridge(oauth.tokenEndpointUrl(ServeTestConfig.ISSUER_ID).uri(), emulator);
        server = CalsyncServer.start(ServeTestConfig.serveSettings(emulator,
                oauth.issuerUrl(ServeTestConfig.ISSUER_ID).toString(), bridge.tokenUri(), 0), Map.of());
        base = "http://localhost:" + server.port();

        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1000");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
        }
        if (bridge != null) {
            bridge.close();
        }
        if (oauth != null) {
            oauth.shutdown();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void signInConnectTwoAccountsGroupThreeCalendarsAndSync() throws IOException {
        browser.get(base + "/dashboard");
        browser.findElement(By.linkText("Sign in with Google")).click();
        signInAtOAuthServer("alice");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");

        connectAccount("alice-work");
        assertThat(flash()).contains("Connected alice@work.example");
        connectAccount("alice-home");
        assertThat(flash()).contains("Connected alice@personal.example");

        browser.findElement(By.linkText("New group")).click();
        browser.findElement(By.id("name")).sendKeys("work and home");
        List<WebElement> calendars = browser.findElements(By.name("calendars"));
        assertThat(calendars).hasSize(3);
        calendars.forEach(WebElement::click);
        browser.findElement(By.cssSelector("button[type=submit].primary")).click();
        // The submit navigates: until the group page is there, an h1 found may belong to the page being left.
        await().atMost(PATIENCE).ignoreException(StaleElementReferenceException.class)
                .until(() -> browser.findElement(By.tagName("h1")).getText().startsWith("Group work-and-home-"));
        String groupId = browser.findElement(By.cssSelector("h1 span")).getText();

        browser.findElement(By.linkText("Dashboard")).click();
        browser.findElement(By.cssSelector("#group-" + groupId + " button.primary")).click();
        assertThat(flash()).contains("Sync of " + groupId + " queued");

        // htmx refreshes the status every few seconds; the page is not reloaded.
        await().atMost(PATIENCE).until(() -> blocksShown(groupId) > 0 && lastRunShown(groupId));
        long onEmulator = blocksOnEmulator(groupId);
        await().atMost(PATIENCE).until(() -> blocksShown(groupId) == blocksOnEmulator(groupId));
        assertThat(onEmulator).isPositive();
        assertThat(blocksOnEmulator(groupId, "team@work.example")).isPositive();
        screenshot("dashboard.png");

        browser.findElement(By.linkText(groupId)).click();
        assertThat(browser.findElements(By.cssSelector(".calendar-list li"))).hasSize(3);
        screenshot("group.png");
    }

    private void signInAtOAuthServer(String subject) {
        WebElement username = browser.findElement(By.name("username"));
        username.sendKeys(subject);
        username.submit();
    }

    private void connectAccount(String emulatorAccount) {
        browser.findElement(By.linkText("Accounts")).click();
        browser.findElement(By.linkText("Connect another Google account")).click();
        signInAtOAuthServer(emulatorAccount);
    }

    private String flash() {
        return browser.findElement(By.cssSelector(".flash")).getText();
    }

    private long blocksShown(String groupId) {
        return Long.parseLong(browser.findElement(By.cssSelector("#status-" + groupId + " .blocks-count")).getText());
    }

    private boolean lastRunShown(String groupId) {
        return browser.findElement(By.cssSelector("#status-" + groupId)).getText().contains("synced");
    }

    private long blocksOnEmulator(String groupId) {
        return List.of("alice@work.example", "team@work.example", "alice@personal.example").stream()
                .mapToLong(calendar -> blocksOnEmulator(groupId, calendar)).sum();
    }

    private long blocksOnEmulator(String groupId, String calendar) {
        return emulator.userListAll(calendar, false).stream()
                .filter(event -> groupId.equals(event.at("/extendedProperties/private/" + BlockMarker.GROUP).asText()))
                .count();
    }

    private void screenshot(String name) throws IOException {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Path docs = docsDirectory();
        Files.createDirectories(docs);
        Files.copy(shot, docs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The reactor's docs/ when run from the app module (Maven), else target/ so nothing is scattered. */
    private static Path docsDirectory() {
        Path moduleDir = Path.of("").toAbsolutePath();
        Path root = moduleDir.getParent();
        return root != null && Files.exists(root.resolve("pom.xml")) && Files.isDirectory(root.resolve("app"))
                ? root.resolve("docs") : moduleDir.resolve("target/docs");
    }
}
