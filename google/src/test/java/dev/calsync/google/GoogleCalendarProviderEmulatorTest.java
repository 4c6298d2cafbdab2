package dev.calsync.google;

import dev.calsync.core.provider.StaticAccessTokens;
import dev.calsync.core.provider.AccessTokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.core.block.BlockBody;
import dev.calsync.core.event.EventKind;
import dev.calsync.core.block.BlockHandle;
import dev.calsync.core.calendar.CalendarInfo;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.ResponseStatus;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.provider.ChangeSet;
import dev.calsync.core.provider.DeleteOutcome;
import dev.calsync.core.provider.InsertOutcome;
import dev.calsync.core.provider.ListOutcome;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.core.provider.ProviderException.Kind;
import dev.calsync.core.provider.UpdateOutcome;
import dev.calsync.emulator.FaultType;
import dev.calsync.emulator.GoogleCalendarEmulator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter, through the official client, against the in-process Google Calendar emulator. */
class GoogleCalendarProviderEmulatorTest {

    private static final String ACCOUNT = "alice";
    private static final String TOKEN = "alice-token";
    private static final String CAL_ID = "alice@example.com";
    private static final CalendarRef CAL = new CalendarRef(ACCOUNT, CAL_ID);
    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> MARKER = Map.of("calsync", "1", "csg", "g1", "css", "abc", "cse", "e1");
    private static final RetryPolicy POLICY = new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(2),
            Duration.ofSeconds(30));

    private GoogleCalendarEmulator emulator;
    private final RecordingCallListener calls = new RecordingCallListener();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private GoogleCalendarProvider provider;

    @BeforeEach
    void start() {
        emulator = GoogleCalendarEmulator.start(0);
        emulator.addAccount(ACCOUNT, TOKEN);
        emulator.addCalendar(ACCOUNT, CAL_ID, "Alice", true);
        emulator.addCalendar(ACCOUNT, "team@example.com", "Team", false);
        provider = providerWith(StaticAccessTokens.of(ACCOUNT, TOKEN));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private GoogleCalendarProvider providerWith(AccessTokens tokens) {
        return GoogleCalendarProvider.builder(tokens)
                .rootUrl(emulator.rootUrl())
                .callListener(calls)
                .retryPolicy(POLICY)
                .sleeper(sleeper)
                .jitterSeed(2026)
                .build();
    }

    private static ObjectNode event(String json) {
        try {
            return (ObjectNode) JSON.readTree(json.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static ObjectNode timedEvent(String id, String summary, String start, String end) {
        return event("{'id':'" + id + "','summary':'" + summary + "','start':{'dateTime':'" + start
                + "','timeZone':'Europe/Berlin'},'end':{'dateTime':'" + end + "','timeZone':'Europe/Berlin'}}");
    }

    private static BlockBody block(String start, String end) {
        return new BlockBody("Busy", EventTime.at(Instant.parse(start), "Europe/Berlin"),
                EventTime.at(Instant.parse(end), "Europe/Berlin"), List.of(), MARKER);
    }

    private static Map<String, SourceEvent> byId(ChangeSet changes) {
        return changes.events().stream().collect(Collectors.toMap(SourceEvent::id, Function.identity()));
    }

    private ChangeSet changes(ListOutcome outcome) {
        assertThat(outcome).isInstanceOf(ListOutcome.Changes.class);
        return ((ListOutcome.Changes) outcome).changes();
    }

    // ---- calendars and lists ----

    @Test
    void listCalendarsReturnsTheAccountsCalendarsWithThePrimaryMarked() {
        List<CalendarInfo> calendars = provider.listCalendars(ACCOUNT);

        assertThat(calendars).extracting(CalendarInfo::id).containsExactlyInAnyOrder(CAL_ID, "team@example.com");
        assertThat(calendars).filteredOn(CalendarInfo::primary).extracting(CalendarInfo::id).containsExactly(CAL_ID);
        assertThat(calls.calls).containsExactly(new RecordingCallListener.Call(
                new CalendarRef(ACCOUNT, "*"), CallKind.CALENDAR_LIST, "ok"));
    }

    @Test
    void fullListReadsEveryPageWhenTheServerCapsThePageSize() {
        for (int i = 0; i < 25; i++) {
            emulator.userInsert(CAL_ID, timedEvent("ev" + i + "aaaa", "Event " + i,
                    "2026-03-0" + (1 + i % 9) + "T09:00:00+01:00", "2026-03-0" + (1 + i % 9) + "T10:00:00+01:00"));
        }
        emulator.faults().capPageSize(10);

        ChangeSet all = provider.listAll(CAL, LONG_AGO);

        assertThat(all.full()).isTrue();
        assertThat(all.nextSyncToken()).isNotBlank();
        assertThat(all.events()).hasSize(25);
        assertThat(all.events()).extracting(SourceEvent::id).doesNotHaveDuplicates();
        assertThat(calls.count(CallKind.LIST)).isEqualTo(3);
        assertThat(emulator.counters().forAccount(ACCOUNT, dev.calsync.emulator.CallKind.LIST)).isEqualTo(3);
    }

    @Test
    void incrementalListReturnsChangedNewAndCancelledEventsThenNothing() {
        emulator.userInsert(CAL_ID, timedEvent("keep1", "Keep", "2026-03-02T09:00:00+01:00", "2026-03-02T10:00:00+01:00"));
        emulator.userInsert(CAL_ID, timedEvent("move1", "Move", "2026-03-03T09:00:00+01:00", "2026-03-03T10:00:00+01:00"));
        emulator.userInsert(CAL_ID, timedEvent("drop1", "Drop", "2026-03-04T09:00:00+01:00", "2026-03-04T10:00:00+01:00"));
        String token = provider.listAll(CAL, LONG_AGO).nextSyncToken();

        emulator.userUpdate(CAL_ID, "move1", timedEvent("move1", "Move", "2026-03-03T11:00:00+01:00",
                "2026-03-03T12:00:00+01:00"));
        emulator.userDelete(CAL_ID, "drop1");
        emulator.userInsert(CAL_ID, timedEvent("fresh1", "New", "2026-03-05T09:00:00+01:00", "2026-03-05T10:00:00+01:00"));
        ChangeSet changes = changes(provider.listChanges(CAL, token));

        Map<String, SourceEvent> changed = byId(changes);
        assertThat(changes.full()).isFalse();
        assertThat(changed).containsOnlyKeys("move1", "drop1", "fresh1");
        assertThat(changed.get("move1").start()).isEqualTo(EventTime.at(Instant.parse("2026-03-03T10:00:00Z"), "Europe/Berlin"));
        assertThat(changed.get("drop1").cancelled()).isTrue();
        assertThat(changes.nextSyncToken()).isNotBlank().isNotEqualTo(token);

        assertThat(changes(provider.listChanges(CAL, changes.nextSyncToken())).events()).isEmpty();
    }

    @Test
    void expiredSyncTokenMeansFullSyncRequired() {
        String token = provider.listAll(CAL, LONG_AGO).nextSyncToken();
        emulator.faults().expireAllSyncTokens();

        ListOutcome outcome = provider.listChanges(CAL, token);

        assertThat(outcome).isEqualTo(new ListOutcome.FullSyncRequired("fullSyncRequired"));
        assertThat(calls.outcomes()).containsExactly("ok", "410");
    }

    @Test
    void unknownSyncTokenMeansFullSyncRequiredToo() {
        ListOutcome outcome = provider.listChanges(CAL, "not-a-token-we-ever-issued");

        assertThat(outcome).isInstanceOf(ListOutcome.FullSyncRequired.class);
    }

    // ---- writes ----

    @Test
    void insertCreatesTheBlockWithItsFixedBody() {
        InsertOutcome outcome = provider.insert(CAL, "csblock00001", block("2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z"));

        assertThat(outcome).isInstanceOf(InsertOutcome.Created.class);
        JsonNode stored = emulator.userGet(CAL_ID, "csblock00001");
        assertThat(stored.path("summary").asText()).isEqualTo("Busy");
        assertThat(stored.path("transparency").asText("opaque")).isEqualTo("opaque");
        assertThat(stored.path("visibility").asText()).isEqualTo("private");
        assertThat(stored.path("reminders").path("useDefault").asBoolean(true)).isFalse();
        assertThat(stored.path("extendedProperties").path("private").path("csg").asText()).isEqualTo("g1");
        assertThat(stored.has("attendees")).isFalse();
        assertThat(Instant.parse(stored.path("start").path("dateTime").asText()))
                .isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
        assertThat(calls.outcomes()).containsExactly("ok");
    }

    @Test
    void insertingAnIdThatExistsOrExistedAnswersAlreadyExists() {
        BlockBody body = block("2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z");
        provider.insert(CAL, "csblock00001", body);
        provider.insert(CAL, "csblock00002", body);
        provider.delete(CAL, BlockHandle.of("csblock00002"));

        assertThat(provider.insert(CAL, "csblock00001", body)).isInstanceOf(InsertOutcome.AlreadyExists.class);
        assertThat(provider.insert(CAL, "csblock00002", body)).isInstanceOf(InsertOutcome.AlreadyExists.class);
        assertThat(calls.outcomes()).containsExactly("ok", "ok", "ok", "409", "409");
    }

    @Test
    void updateRewritesTheBlockAndUnknownIdIsNotFound() {
        provider.insert(CAL, "csblock00001", block("2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z"));

        UpdateOutcome moved = provider.update(CAL, BlockHandle.of("csblock00001"), block("2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z"));
        UpdateOutcome missing = provider.update(CAL, BlockHandle.of("csnothere0001"), block("2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z"));

        assertThat(moved).isInstanceOf(UpdateOutcome.Updated.class);
        assertThat(missing).isInstanceOf(UpdateOutcome.NotFound.class);
        assertThat(Instant.parse(emulator.userGet(CAL_ID, "csblock00001").path("start").path("dateTime").asText()))
                .isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(calls.outcomes()).containsExactly("ok", "ok", "404");
    }

    @Test
    void updateRevivesADeletedBlock() {
        provider.insert(CAL, "csblock00001", block("2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z"));
        provider.delete(CAL, BlockHandle.of("csblock00001"));

        UpdateOutcome outcome = provider.update(CAL, BlockHandle.of("csblock00001"), block("2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z"));

        assertThat(outcome).isInstanceOf(UpdateOutcome.Updated.class);
        assertThat(emulator.userGet(CAL_ID, "csblock00001").path("status").asText()).isEqualTo("confirmed");
    }

    @Test
    void deleteThenDeleteAgainThenDeleteUnknownAreDeletedGoneGone() {
        provider.insert(CAL, "csblock00001", block("2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z"));

        assertThat(provider.delete(CAL, BlockHandle.of("csblock00001"))).isEqualTo(DeleteOutcome.DELETED);
        assertThat(provider.delete(CAL, BlockHandle.of("csblock00001"))).isEqualTo(DeleteOutcome.ALREADY_GONE);
        assertThat(provider.delete(CAL, BlockHandle.of("csnothere0001"))).isEqualTo(DeleteOutcome.ALREADY_GONE);
        assertThat(calls.outcomes()).containsExactly("ok", "ok", "410", "404");
    }

    @Test
    void insertWhoseResponseWasLostIsRetriedAndEndsAsAlreadyExistsWithOneEvent() {
        emulator.faults().loseResponsesOfNextWrites(1, true);

        InsertOutcome outcome = provider.insert(CAL, "csblock00001", block("2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z"));

        assertThat(outcome).isInstanceOf(InsertOutcome.AlreadyExists.class);
        assertThat(calls.outcomes()).containsExactly("io", "409");
        assertThat(emulator.userListAll(CAL_ID, true)).filteredOn(e -> e.path("id").asText().equals("csblock00001"))
                .hasSize(1);
    }

    @Test
    void deleteWhoseResponseWasLostIsRetriedAndEndsAsAlreadyGone() {
        provider.insert(CAL, "csblock00001", block("2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z"));
        emulator.faults().loseResponsesOfNextWrites(1, false);

        DeleteOutcome outcome = provider.delete(CAL, BlockHandle.of("csblock00001"));

        assertThat(outcome).isEqualTo(DeleteOutcome.ALREADY_GONE);
        assertThat(calls.outcomes()).containsExactly("ok", "503", "410");
        assertThat(emulator.userGet(CAL_ID, "csblock00001").path("status").asText()).isEqualTo("cancelled");
    }

    // ---- faults ----

    @Test
    void rateLimitsAndUnavailabilityAreRetriedWithFullJitterUntilSuccess() {
        String token = provider.listAll(CAL, LONG_AGO).nextSyncToken();
        emulator.faults().failNext(1, FaultType.RATE_LIMIT_EXCEEDED)
                .failNext(1, FaultType.TOO_MANY_REQUESTS)
                .failNext(1, FaultType.SERVICE_UNAVAILABLE);
        long before = emulator.counters().forAccount(ACCOUNT, dev.calsync.emulator.CallKind.LIST);

        ListOutcome outcome = provider.listChanges(CAL, token);

        assertThat(outcome).isInstanceOf(ListOutcome.Changes.class);
        assertThat(calls.outcomes()).containsExactly("ok", "403", "429", "503", "ok");
        assertThat(emulator.counters().forAccount(ACCOUNT, dev.calsync.emulator.CallKind.LIST) - before).isEqualTo(4);
        assertThat(sleeper.delays).hasSize(3);
        for (int retry = 0; retry < 3; retry++) {
            assertThat(sleeper.delays.get(retry)).isBetween(Duration.ZERO, POLICY.ceiling(retry));
        }
    }

    @Test
    void exhaustedRetriesOnAListAreTransientAndTheOldTokenStillWorks() {
        emulator.userInsert(CAL_ID, timedEvent("keep1", "Keep", "2026-03-02T09:00:00+01:00", "2026-03-02T10:00:00+01:00"));
        String token = provider.listAll(CAL, LONG_AGO).nextSyncToken();
        emulator.userInsert(CAL_ID, timedEvent("fresh1", "New", "2026-03-05T09:00:00+01:00", "2026-03-05T10:00:00+01:00"));
        emulator.faults().failNext(POLICY.maxAttempts(), FaultType.BACKEND_ERROR);

        ProviderException e = catchThrowableOfType(() -> provider.listChanges(CAL, token), ProviderException.class);

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.status()).isEqualTo(500);
        assertThat(sleeper.delays).hasSize(POLICY.maxAttempts() - 1);
        assertThat(byId(changes(provider.listChanges(CAL, token)))).containsOnlyKeys("fresh1");
    }

    @Test
    void exhaustedRetriesOnAnInsertAreTransientAndWriteNothing() {
        emulator.faults().failNext(POLICY.maxAttempts(), FaultType.SERVICE_UNAVAILABLE);

        ProviderException e = catchThrowableOfType(
                () -> provider.insert(CAL, "csblock00001", block("2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z")),
                ProviderException.class);

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(calls.outcomes()).containsOnly("503").hasSize(POLICY.maxAttempts());
        assertThat(emulator.userListAll(CAL_ID, true)).isEmpty();
    }

    @Test
    void serverErrorWithAnHtmlBodyIsRetriedByItsStatus() {
        emulator.faults().failNext(1, FaultType.HTML_ERROR);

        ChangeSet all = provider.listAll(CAL, LONG_AGO);

        assertThat(all.nextSyncToken()).isNotBlank();
        assertThat(calls.outcomes()).containsExactly("500", "ok");
    }

    @Test
    void refusedTokenIsRefreshedOnceAndTheCallRepeated() {
        RefreshingTokens tokens = new RefreshingTokens("expired-token", TOKEN);

        List<CalendarInfo> calendars = providerWith(tokens).listCalendars(ACCOUNT);

        assertThat(calendars).isNotEmpty();
        assertThat(tokens.refreshes).hasValue(1);
        assertThat(calls.outcomes()).containsExactly("401", "ok");
    }

    @Test
    void tokenStillRefusedAfterOneRefreshIsUnauthorized() {
        RefreshingTokens tokens = new RefreshingTokens("expired-token", "revoked-token");

        ProviderException e = catchThrowableOfType(() -> providerWith(tokens).listAll(CAL, LONG_AGO),
                ProviderException.class);

        assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(tokens.refreshes).hasValue(1);
        assertThat(calls.outcomes()).containsExactly("401", "401");
        assertThat(e.getMessage()).doesNotContain("revoked-token").doesNotContain("expired-token");
    }

    @Test
    void calendarOfAnotherAccountIsNotFound() {
        emulator.addAccount("bob", "bob-token");
        emulator.addCalendar("bob", "bob@example.com", "Bob", true);

        ProviderException e = catchThrowableOfType(
                () -> provider.listAll(new CalendarRef(ACCOUNT, "bob@example.com"), LONG_AGO), ProviderException.class);

        assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
    }

    // ---- mapping of real answers ----

    @Test
    void recurringSeriesExceptionsAllDayDeclinedTransparentAndWorkingLocationMap() {
        emulator.userInsert(CAL_ID, event("{'id':'series1','summary':'Weekly','start':{'dateTime':"
                + "'2026-03-02T09:00:00+01:00','timeZone':'Europe/Berlin'},'end':{'dateTime':"
                + "'2026-03-02T09:30:00+01:00','timeZone':'Europe/Berlin'},"
                + "'recurrence':['RRULE:FREQ=WEEKLY;COUNT=5']}"));
        emulator.userInsert(CAL_ID, event("{'id':'vacation1','summary':'Off','start':{'date':'2026-03-10'},"
                + "'end':{'date':'2026-03-12'}}"));
        emulator.userInsert(CAL_ID, event("{'id':'invite1','summary':'Invite','start':{'dateTime':"
                + "'2026-03-03T15:00:00Z'},'end':{'dateTime':'2026-03-03T16:00:00Z'},'attendees':["
                + "{'email':'boss@example.com','organizer':true,'responseStatus':'accepted'},"
                + "{'email':'alice@example.com','self':true,'responseStatus':'declined'}]}"));
        emulator.userInsert(CAL_ID, event("{'id':'free1','summary':'Free','transparency':'transparent',"
                + "'start':{'dateTime':'2026-03-04T15:00:00Z'},'end':{'dateTime':'2026-03-04T16:00:00Z'}}"));
        emulator.userInsert(CAL_ID, event("{'id':'office1','eventType':'workingLocation','summary':'Office',"
                + "'transparency':'transparent','visibility':'public','start':{'date':'2026-03-05'},"
                + "'end':{'date':'2026-03-06'},'workingLocationProperties':{'type':'officeLocation',"
                + "'officeLocation':{'label':'HQ'}}}"));
        String token = provider.listAll(CAL, LONG_AGO).nextSyncToken();
        // A moved and a cancelled occurrence of the series: exceptions with series id and original start.
        emulator.userUpdate(CAL_ID, "series1_20260309T080000Z", event("{'summary':'Weekly','start':{'dateTime':"
                + "'2026-03-09T11:00:00+01:00','timeZone':'Europe/Berlin'},'end':{'dateTime':"
                + "'2026-03-09T11:30:00+01:00','timeZone':'Europe/Berlin'}}"));
        emulator.userDelete(CAL_ID, "series1_20260316T080000Z");

        Map<String, SourceEvent> all = byId(provider.listAll(CAL, LONG_AGO));
        Map<String, SourceEvent> changed = byId(changes(provider.listChanges(CAL, token)));

        SourceEvent series = all.get("series1");
        assertThat(series.recurrence()).containsExactly("RRULE:FREQ=WEEKLY;COUNT=5");
        assertThat(series.start()).isEqualTo(EventTime.at(Instant.parse("2026-03-02T08:00:00Z"), "Europe/Berlin"));
        SourceEvent moved = changed.get("series1_20260309T080000Z");
        assertThat(moved.recurringEventId()).isEqualTo("series1");
        assertThat(moved.originalStartTime().instant()).isEqualTo(Instant.parse("2026-03-09T08:00:00Z"));
        assertThat(moved.start().instant()).isEqualTo(Instant.parse("2026-03-09T10:00:00Z"));
        assertThat(moved.status()).isEqualTo(EventStatus.CONFIRMED);
        SourceEvent cancelled = changed.get("series1_20260316T080000Z");
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.recurringEventId()).isEqualTo("series1");
        assertThat(cancelled.originalStartTime().instant()).isEqualTo(Instant.parse("2026-03-16T08:00:00Z"));
        assertThat(all.get("vacation1").start()).isEqualTo(EventTime.on(LocalDate.of(2026, 3, 10)));
        assertThat(all.get("vacation1").end()).isEqualTo(EventTime.on(LocalDate.of(2026, 3, 12)));
        assertThat(all.get("invite1").selfResponse()).isEqualTo(ResponseStatus.DECLINED);
        assertThat(all.get("free1").transparent()).isTrue();
        assertThat(all.get("office1").kind()).isEqualTo(EventKind.WORKING_LOCATION);
        assertThat(all.get("series1").kind()).isEqualTo(EventKind.DEFAULT);
    }

    @Test
    void ownBlockReadsBackWithItsMarkerAndSameContentHash() {
        BlockBody body = block("2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z");
        provider.insert(CAL, "csblock00001", body);

        SourceEvent echo = byId(provider.listAll(CAL, LONG_AGO)).get("csblock00001");

        assertThat(echo.privateProperties()).containsAllEntriesOf(MARKER);
        assertThat(BlockBody.contentHashOf(echo)).isEqualTo(body.contentHash());
    }
}
