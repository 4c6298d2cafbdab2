package dev.calsync.app.web;

import static dev.calsync.app.web.TwoUsers.ALICE_GROUP;
import static dev.calsync.app.web.TwoUsers.ALICE_HOME;
import static dev.calsync.app.web.TwoUsers.ALICE_WORK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.app.accounts.ConnectedAccounts;
import dev.calsync.app.fixtures.EmulatorEvents;
import dev.calsync.app.schedule.GroupSyncRunner;
import dev.calsync.app.schedule.SyncOrder;
import dev.calsync.app.server.CalsyncWebApplication;
import dev.calsync.app.server.ServeTestConfig;
import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.store.JdbcSyncStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The group page's week: a meeting on alice's personal calendar, and the block calsync wrote for it on her work
 * calendar drawn at the time the emulator has it, without the meeting's title.
 */
@SpringBootTest(classes = {CalsyncWebApplication.class, ServeTestConfig.class})
@ActiveProfiles("serve")
@AutoConfigureMockMvc
class WeekViewTest {

    private static final Pattern RECT = Pattern.compile("<rect ([^>]*data-kind=\"(block|event)\"[^>]*)><title>([^<]*)</title>");
    private static final String TITLE = "Dentist, private";

    /** One drawn event or block: its attributes and its tooltip. */
    record Drawn(String kind, String calendar, String start, String end, String title) {
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    GoogleCalendarEmulator emulator;
    @Autowired
    ConnectedAccounts accounts;
    @Autowired
    JdbcSyncStore store;
    @Autowired
    GroupSyncRunner runner;

    private Instant start;

    @BeforeEach
    void aMeetingTomorrowSynced() {
        TwoUsers.ensure(emulator, accounts, store);
        start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(24 + 10));
        boolean there = emulator.userListAll("alice@personal.example", false).stream()
                .anyMatch(event -> TITLE.equals(event.path("summary").asText()));
        if (!there) {
            emulator.userInsert("alice@personal.example", EmulatorEvents.meeting(start, TITLE));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> runner.run(SyncOrder.now(ALICE_GROUP, true))
                .orElseThrow().outcome() == GroupReport.Outcome.SYNCED);
    }

    @Test
    void theBlockIsDrawnWhereTheEmulatorHasItAndTheEventWithItsTitleOnItsOwnCalendar() throws Exception {
        ObjectNode block = emulator.userListAll("alice@work.example", false).stream()
                .filter(event -> ALICE_GROUP.equals(event.at("/extendedProperties/private/" + BlockMarker.GROUP).asText()))
                .filter(event -> Instant.parse(event.at("/start/dateTime").asText()).equals(start))
                .findFirst().orElseThrow();
        List<Drawn> drawn = drawn(page("/groups/" + ALICE_GROUP + "?tz=UTC", new MockHttpSession()));

        assertThat(drawn).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo("block");
            assertThat(d.calendar()).isEqualTo(ALICE_WORK);
            assertThat(Instant.parse(d.start())).isEqualTo(Instant.parse(block.at("/start/dateTime").asText()));
            assertThat(Instant.parse(d.end())).isEqualTo(Instant.parse(block.at("/end/dateTime").asText()));
            assertThat(d.title()).contains("block for busy time on Alice (personal)").doesNotContain(TITLE);
        });
        assertThat(drawn).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo("event");
            assertThat(d.calendar()).isEqualTo(ALICE_HOME);
            assertThat(d.start()).isEqualTo(start.toString());
            assertThat(d.title()).contains(TITLE);
        });
        assertThat(drawn).filteredOn(d -> d.kind().equals("block")).isNotEmpty()
                .allSatisfy(d -> assertThat(d.title()).doesNotContain(TITLE));
    }

    @Test
    void theChosenTimeZoneDrawsTheSameMomentsAndIsKeptForTheLiveRefresh() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String page = page("/groups/" + ALICE_GROUP + "?tz=America/New_York", session);
        assertThat(page).contains("Times in America/New_York").contains("<option value=\"America/New_York\" selected");
        String week = page("/groups/" + ALICE_GROUP + "/week", session);
        assertThat(week).contains("Times in America/New_York").doesNotContain("<html");
        assertThat(drawn(week)).anySatisfy(d -> assertThat(d.start()).isEqualTo(start.toString()));
        String compact = page("/groups/" + ALICE_GROUP + "/week?compact=true", session);
        assertThat(compact).contains("class=\"week compact\"").doesNotContain("The week as a list");
    }

    @Test
    void theDashboardCardHasTheCompactWeekAndBobSeesNothingOfAlices() throws Exception {
        String dashboard = page("/dashboard", new MockHttpSession());
        assertThat(dashboard).contains("id=\"week-compact-" + ALICE_GROUP + "\"").contains("role=\"img\"")
                .contains("<title id=\"week-compact-" + ALICE_GROUP + "-title\">");
        String bobs = mvc.perform(get("/dashboard").with(TwoUsers.bob())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(bobs).doesNotContain(TITLE).doesNotContain("Alice (personal)");
        mvc.perform(get("/groups/" + ALICE_GROUP + "/week").with(TwoUsers.bob())).andExpect(status().isNotFound());
    }

    private String page(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session).with(TwoUsers.alice())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    private static List<Drawn> drawn(String html) {
        List<Drawn> drawn = new ArrayList<>();
        Matcher rect = RECT.matcher(html);
        while (rect.find()) {
            String attributes = rect.group(1);
            drawn.add(new Drawn(rect.group(2), attribute(attributes, "data-calendar"),
                    attribute(attributes, "data-start"), attribute(attributes, "data-end"),
                    rect.group(3).replace("&quot;", "\"").replace("&amp;", "&")));
        }
        return drawn;
    }

    private static String attribute(String attributes, String name) {
        Matcher value = Pattern.compile(name + "=\"([^\"]*)\"").matcher(attributes);
        return value.find() ? value.group(1) : null;
    }
}
