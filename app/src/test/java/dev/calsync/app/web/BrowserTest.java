package dev.calsync.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.app.fixtures.HeadlessChromium;
import dev.calsync.app.server.CalsyncServer;
import dev.calsync.app.server.ServeTestConfig;
import dev.calsync.core.block.BlockMarker;
import dev.calsync.emulator.GoogleCalendarEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The whole service in headless Chromium, as a person uses it: sign in through an OpenID Connect server, connect
 * two Google accounts (real authorization-code flow; the emulator plays Google Calendar), create a group of three
 * calendars, press "Sync now", and see the blocks counted on the dashboard and present on the emulator; on the
 * group page's week, a block drawn where the emulator has it. Every page fits a 375 px wide phone without sideways
 * scrolling, and an expired session sends the whole page to sign-in. Saves screenshots to docs/.
 */
class BrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private GoogleCalendarEmulator emulator;
    private MockOAuth2Server oauth;
    private EmulatorTokenBridge bridge;
    private CalsyncServer server;
    private WebDriver browser;
    private String base;

    @BeforeEach
    void start(@TempDir Path profile) throws IOException {
        HeadlessChromium.assumeInstalled();
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

        browser = HeadlessChromium.start(profile);
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
        assertThat(flash()).contains("A sync of " + groupId + " is queued");

        // htmx refreshes the status every few seconds; the page is not reloaded.
        // htmx replaces the status while it is read: a stale element is read again.
        await().atMost(PATIENCE).ignoreException(StaleElementReferenceException.class)
                .until(() -> blocksShown(groupId) > 0 && lastRunShown(groupId));
        long onEmulator = blocksOnEmulator(groupId);
        await().atMost(PATIENCE).ignoreException(StaleElementReferenceException.class)
                .until(() -> blocksShown(groupId) == blocksOnEmulator(groupId));
        assertThat(onEmulator).isPositive();
        assertThat(blocksOnEmulator(groupId, "team@work.example")).isPositive();
        screenshot("dashboard.png", 1400);

        browser.findElement(By.linkText(groupId)).click();
        assertThat(browser.findElements(By.cssSelector(".calendar-list li"))).hasSize(3);
        ObjectNode block = aBlockOfTheComingDays(groupId, "team@work.example");
        Instant blockStart = Instant.parse(block.at("/start/dateTime").asText());
        List<WebElement> drawn = browser.findElements(By.cssSelector(
                "svg rect.block[data-calendar$='/team@work.example']"));
        assertThat(drawn).anySatisfy(rect -> {
            assertThat(Instant.parse(rect.getDomAttribute("data-start"))).isEqualTo(blockStart);
            assertThat(rect.isDisplayed()).isTrue();
        });
        screenshot("group.png", 1500);

        for (String page : List.of("/dashboard", "/groups/" + groupId, "/groups/new", "/accounts")) {
            assertThat(sidewaysScrollAt375(page)).as(page + " at 375 px").isEqualTo(0);
        }
        phoneScreenshot("/dashboard", "dashboard-phone.png");

        // The session ends (expired, or signed out elsewhere): the next 5-second refresh leaves the page.
        browser.get(base + "/dashboard");
        browser.manage().deleteCookieNamed("JSESSIONID");
        await().atMost(PATIENCE).ignoreException(StaleElementReferenceException.class)
                .until(() -> browser.getCurrentUrl().endsWith("/login")
                        && browser.findElement(By.tagName("h1")).getText().equals("Sign in to calsync"));
        assertThat(browser.findElements(By.cssSelector(".status"))).isEmpty();
    }

    @Test
    void theGroupPageOffersEveryRuleShowsItsMistakesAndTheBlocksFollowTheSavedRules() throws IOException {
        browser.get(base + "/dashboard");
        browser.findElement(By.linkText("Sign in with Google")).click();
        signInAtOAuthServer("alice");
        connectAccount("alice-work");
        connectAccount("alice-home");
        browser.findElement(By.linkText("New group")).click();
        browser.findElement(By.id("name")).sendKeys("rules");
        browser.findElements(By.name("calendars")).forEach(WebElement::click);
        browser.findElement(By.cssSelector("button[type=submit].primary")).click();
        await().atMost(PATIENCE).ignoreException(StaleElementReferenceException.class)
                .until(() -> browser.findElement(By.tagName("h1")).getText().startsWith("Group rules-"));
        String groupId = browser.findElement(By.cssSelector("h1 span")).getText();
        assertThat(browser.findElement(By.id("title-warning")).getText()).contains("{title}").contains("leave");
        for (String field : List.of("tentative", "outOfOffice", "allDay", "skipTitles", "hours", "day-MO", "from", "to",
                "zone", "color", "role-0", "role-1", "role-2", "name-0")) {
            assertThat(browser.findElements(By.id(field))).as("rules field " + field).hasSize(1);
        }

        // A mistake comes back in the form with its message, as typed.
        WebElement from = browser.findElement(By.id("from"));
        from.clear();
        from.sendKeys("8am");
        if (!browser.findElement(By.id("hours")).isSelected()) {
            browser.findElement(By.id("hours")).click();
        }
        browser.findElement(By.id("save-rules")).click();
        await().atMost(PATIENCE).ignoreException(StaleElementReferenceException.class)
                .until(() -> !browser.findElements(By.id("from-error")).isEmpty());
        assertThat(browser.findElement(By.id("from-error")).getText()).contains("HH:mm");
        assertThat(browser.findElement(By.id("from")).getDomProperty("value")).isEqualTo("8am");

        // Every day, all day in UTC (so nothing is lost), colour 8, the third calendar a source only.
        String sourceOnly = browser.findElement(By.xpath("//select[@id='role-2']/ancestor::tr/td[1]")).getText();
        set("from", "00:00");
        set("to", "23:59");
        set("zone", "UTC");
        set("name-0", "Work");
        for (String day : List.of("SA", "SU", "TU", "WE", "TH")) {
            WebElement box = browser.findElement(By.id("day-" + day));
            if (!box.isSelected()) {
                box.click();
            }
        }
        browser.findElement(By.cssSelector("#color option[value='8']")).click();
        browser.findElement(By.cssSelector("#role-2 option[value='source']")).click();
        browser.findElement(By.id("save-rules")).click();
        awaitFlash("Rules saved");
        assertThat(browser.findElement(By.cssSelector("#color option[value='8']")).isSelected()).isTrue();
        assertThat(browser.findElement(By.cssSelector("#role-2 option[value='source']")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("hours")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("name-0")).getDomProperty("value")).isEqualTo("Work");

        // The queued sync applies them: no block on the source-only calendar, every block in colour 8.
        String calendarId = sourceOnly.substring(sourceOnly.indexOf('/') + 1);
        await().atMost(PATIENCE).until(() -> blocksOnEmulator(groupId) > 0
                && blocksOnEmulator(groupId, calendarId) == 0 && everyBlockColoured(groupId, "8"));

        // {title} in the busy title: the rules section warns that details leave the calendar.
        set("busyTitle", "{calendar}: {title}");
        browser.findElement(By.cssSelector("form[action$='/settings'] button[type=submit]")).click();
        awaitFlash("Settings saved");
        assertThat(browser.findElement(By.id("title-leaves")).getText()).contains("leave their calendar");
    }

    /** The submit navigates: until the next page is there, a flash found may belong to the page being left. */
    private void awaitFlash(String text) {
        await().atMost(PATIENCE).ignoreException(StaleElementReferenceException.class)
                .ignoreException(org.openqa.selenium.NoSuchElementException.class)
                .until(() -> flash().contains(text));
    }

    private void set(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private boolean everyBlockColoured(String groupId, String colorId) {
        return List.of("alice@work.example", "team@work.example", "alice@personal.example").stream()
                .flatMap(calendar -> emulator.userListAll(calendar, false).stream())
                .filter(event -> groupId.equals(event.at("/extendedProperties/private/" + BlockMarker.GROUP).asText()))
                .allMatch(event -> colorId.equals(event.path("colorId").asText()));
    }

    /** A single block calsync wrote on the calendar, starting within the next five days (so in the week view). */
    private ObjectNode aBlockOfTheComingDays(String groupId, String calendar) {
        Instant now = Instant.now();
        return emulator.userListAll(calendar, false).stream()
                .filter(event -> groupId.equals(event.at("/extendedProperties/private/" + BlockMarker.GROUP).asText()))
                .filter(event -> !event.has("recurrence") && event.at("/start/dateTime").isTextual())
                .filter(event -> {
                    Instant start = Instant.parse(event.at("/start/dateTime").asText());
                    return start.isAfter(now) && start.isBefore(now.plus(Duration.ofDays(5)));
                })
                .findFirst().orElseThrow(() -> new AssertionError("no block in the coming days on " + calendar));
    }

    /** How many CSS pixels the page is wider than a 375 px phone screen. */
    private long sidewaysScrollAt375(String page) {
        phone(true);
        try {
            browser.get(base + page);
            browser.findElement(By.tagName("h1"));
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - window.innerWidth");
            return ((Number) overflow).longValue();
        } finally {
            phone(false);
        }
    }

    private void phoneScreenshot(String page, String name) throws IOException {
        phone(true);
        try {
            browser.get(base + page);
            browser.findElement(By.tagName("h1"));
            save(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), name);
        } finally {
            phone(false);
        }
    }

    /** A phone's screen through Chromium's device emulation (a window cannot be made that narrow headless). */
    private void phone(boolean on) {
        ChromeDriver chrome = (ChromeDriver) browser;
        if (on) {
            chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 375, "height", 1400,
                    "deviceScaleFactor", 1, "mobile", true));
        } else {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
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
        screenshot(name, 1000);
    }

    private void screenshot(String name, int height) throws IOException {
        browser.manage().window().setSize(new Dimension(1280, height));
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        save(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), name);
    }

    private static void save(Path shot, String name) throws IOException {
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
