package dev.calsync.google;

import dev.calsync.core.provider.StaticAccessTokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.calsync.core.block.BlockHandle;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.provider.ChangeSet;
import dev.calsync.core.provider.ListOutcome;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.core.provider.ProviderException.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Answers a well-behaved server never gives, scripted below the official client: the adapter must neither
 * crash, nor loop, nor conclude anything from them.
 */
class GoogleCalendarProviderScriptedTest {

    private static final CalendarRef CAL = new CalendarRef("work", "primary");
    private static final String EMPTY_LAST_PAGE = "{\"items\":[],\"nextSyncToken\":\"tok2\"}";

    private final ScriptedTransport http = new ScriptedTransport();
    private final RecordingCallListener calls = new RecordingCallListener();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final List<String> skipped = new ArrayList<>();

    private GoogleCalendarProvider provider(RetryPolicy policy) {
        return GoogleCalendarProvider.builder(StaticAccessTokens.of("work", "secret-token"))
                .transport(http)
                .rootUrl("http://scripted.invalid/")
                .callListener(calls)
                .retryPolicy(policy)
                .sleeper(sleeper)
                .jitterSeed(1)
                .malformedEventListener((calendar, problem) -> skipped.add(problem))
                .build();
    }

    private GoogleCalendarProvider provider() {
        return provider(new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(60)));
    }

    @Test
    void incrementalListAsksForDeletedEventsUnexpandedSeriesAndFullPagesWithTheToken() {
        http.json(200, EMPTY_LAST_PAGE);

        provider().listChanges(CAL, "tok1");

        String url = http.sent.get(0).url();
        assertThat(http.sent.get(0).method()).isEqualTo("GET");
        assertThat(url).startsWith("http://scripted.invalid/calendar/v3/calendars/primary/events?")
                .contains("syncToken=tok1", "showDeleted=true", "singleEvents=false", "maxResults=2500")
                .doesNotContain("timeMin");
        assertThat(http.sent.get(0).authorization()).isEqualTo("Bearer secret-token");
    }

    @Test
    void fullListSendsTimeMinInUtcAndNoSyncToken() {
        http.json(200, EMPTY_LAST_PAGE);

        ChangeSet all = provider().listAll(CAL, Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(all.full()).isTrue();
        assertThat(all.nextSyncToken()).isEqualTo("tok2");
        assertThat(http.sent.get(0).url()).contains("timeMin=2026-01-01T00:00:00.000Z", "showDeleted=true",
                "singleEvents=false").doesNotContain("syncToken");
    }

    @Test
    void successStatusWithAnHtmlBodyIsAMalformedResponseAndNotRetried() {
        http.html(200, "<html><body>Captive portal</body></html>");

        ProviderException e = catchThrowableOfType(() -> provider().listChanges(CAL, "tok1"),
                ProviderException.class);

        assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(calls.outcomes()).containsExactly("malformed");
        assertThat(e.getMessage()).doesNotContain("Captive");
    }

    @Test
    void pageWithNeitherPageTokenNorSyncTokenIsMalformedNotTheEnd() {
        http.json(200, "{\"items\":[{\"id\":\"a\",\"status\":\"cancelled\"}]}");

        ProviderException e = catchThrowableOfType(() -> provider().listAll(CAL, Instant.EPOCH),
                ProviderException.class);

        assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("neither nextPageToken nor nextSyncToken");
    }

    @Test
    void repeatingPageTokenStopsTheListInsteadOfLoopingForever() {
        http.json(200, "{\"items\":[],\"nextPageToken\":\"p1\"}")
                .json(200, "{\"items\":[],\"nextPageToken\":\"p2\"}")
                .json(200, "{\"items\":[],\"nextPageToken\":\"p1\"}");

        ProviderException e = catchThrowableOfType(() -> provider().listChanges(CAL, "tok1"),
                ProviderException.class);

        assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(calls.count(CallKind.LIST)).isEqualTo(3);
        assertThat(http.remaining()).isZero();
    }

    @Test
    void liveEventWithoutStartRejectsTheWholeListSoNothingIsConcludedFromIt() {
        http.json(200, "{\"items\":[{\"id\":\"ok1\",\"start\":{\"date\":\"2026-03-02\"},"
                + "\"end\":{\"date\":\"2026-03-03\"}},{\"id\":\"bad1\",\"summary\":\"Secret\","
                + "\"end\":{\"date\":\"2026-03-03\"}}],\"nextSyncToken\":\"tok2\"}");

        ProviderException e = catchThrowableOfType(() -> provider().listAll(CAL, Instant.EPOCH),
                ProviderException.class);

        assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("bad1").doesNotContain("Secret");
    }

    @Test
    void eventWithoutIdIsSkippedCountedAndReported() {
        http.json(200, "{\"items\":[{\"status\":\"confirmed\",\"start\":{\"date\":\"2026-03-02\"},"
                + "\"end\":{\"date\":\"2026-03-03\"}},{\"id\":\"gone\",\"status\":\"cancelled\"}],"
                + "\"nextSyncToken\":\"tok2\"}");
        GoogleCalendarProvider provider = provider();

        ListOutcome outcome = provider.listChanges(CAL, "tok1");

        assertThat(outcome).isInstanceOf(ListOutcome.Changes.class);
        ChangeSet changes = ((ListOutcome.Changes) outcome).changes();
        assertThat(changes.events()).extracting(e -> e.id()).containsExactly("gone");
        assertThat(changes.full()).isFalse();
        assertThat(provider.malformedEventsSkipped()).isEqualTo(1);
        assertThat(skipped).containsExactly("event without id");
    }

    @Test
    void badRequestOnASyncTokenMeansFullSyncRequired() {
        http.error(400, "invalid");

        ListOutcome outcome = provider().listChanges(CAL, "garbage");

        assertThat(outcome).isEqualTo(new ListOutcome.FullSyncRequired("invalid"));
        assertThat(calls.outcomes()).containsExactly("400");
    }

    @Test
    void goneWithAnHtmlBodyOnASyncTokenStillMeansFullSyncRequired() {
        http.html(410, "<html>Gone</html>");

        ListOutcome outcome = provider().listChanges(CAL, "old");

        assertThat(outcome).isEqualTo(new ListOutcome.FullSyncRequired("HTTP 410"));
    }

    @Test
    void retryAfterHeaderIsHonouredAndClampedToTheMaximumDelay() {
        http.errorWithRetryAfter(503, "2").errorWithRetryAfter(429, "86400").json(200, EMPTY_LAST_PAGE);

        provider().listChanges(CAL, "tok1");

        assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(5));
        assertThat(calls.outcomes()).containsExactly("503", "429", "ok");
    }

    @Test
    void withoutRetryAfterTheDelaysAreTheSeededFullJitterDraws() {
        http.error(503, "backendError").error(500, "backendError").error(502, "badGateway").json(200, EMPTY_LAST_PAGE);
        RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(60));

        provider(policy).listChanges(CAL, "tok1");

        java.util.Random replay = new java.util.Random(1); // the provider's jitterSeed
        assertThat(sleeper.delays).containsExactly(policy.delay(0, replay), policy.delay(1, replay),
                policy.delay(2, replay));
        for (int retry = 0; retry < 3; retry++) {
            assertThat(sleeper.delays.get(retry)).isBetween(Duration.ZERO, policy.ceiling(retry));
        }
        assertThat(calls.outcomes()).containsExactly("503", "500", "502", "ok");
    }

    @Test
    void accountWithoutATokenIsUnauthorizedWithoutAnyCall() {
        ProviderException e = catchThrowableOfType(
                () -> provider().listChanges(new CalendarRef("stranger", "primary"), "tok1"), ProviderException.class);

        assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(http.sent).isEmpty();
    }

    @Test
    void networkErrorsAreRetriedThenGiveUpAsTransient() {
        for (int i = 0; i < 4; i++) {
            http.ioFailure("Connection reset");
        }

        ProviderException e = catchThrowableOfType(() -> provider().listChanges(CAL, "tok1"),
                ProviderException.class);

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.status()).isZero();
        assertThat(calls.outcomes()).containsExactly("io", "io", "io", "io");
        assertThat(sleeper.delays).hasSize(3);
    }

    @Test
    void totalWaitCapEndsRetryingBeforeMaxAttempts() {
        http.errorWithRetryAfter(503, "4").errorWithRetryAfter(503, "4").errorWithRetryAfter(503, "4");
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(9));

        ProviderException e = catchThrowableOfType(() -> provider(policy).listChanges(CAL, "tok1"),
                ProviderException.class);

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
        assertThat(calls.outcomes()).containsExactly("503", "503", "503");
        assertThat(e.retryAfter()).as("the last answer's wait, for the next pass").contains(Duration.ofSeconds(4));
    }

    @Test
    void aCallThatGivesUpHandsOnTheLastRetryAfterUnclamped() {
        http.errorWithRetryAfter(429, "1").errorWithRetryAfter(429, "3600");
        RetryPolicy policy = new RetryPolicy(2, Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(60));

        ProviderException e = catchThrowableOfType(() -> provider(policy).listChanges(CAL, "tok1"),
                ProviderException.class);

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.retryAfter()).contains(Duration.ofHours(1));
    }

    @Test
    void aCallThatGivesUpWithoutRetryAfterCarriesNone() {
        http.errorWithRetryAfter(503, "1").ioFailure("Connection reset");
        RetryPolicy policy = new RetryPolicy(2, Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(60));

        ProviderException e = catchThrowableOfType(() -> provider(policy).listChanges(CAL, "tok1"),
                ProviderException.class);

        assertThat(e.retryAfter()).as("the last answer said nothing").isEmpty();
    }

    @Test
    void staticTokenRefusedWith401IsUnauthorizedWithoutAPointlessSecondCall() {
        http.error(401, "authError");

        ProviderException e = catchThrowableOfType(() -> provider().listCalendars("work"),
                ProviderException.class);

        assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(e.getMessage()).doesNotContain("secret-token");
        assertThat(calls.calls).containsExactly(
                new RecordingCallListener.Call(new CalendarRef("work", "*"), CallKind.CALENDAR_LIST, "401"));
    }

    @Test
    void forbiddenIsNotFoundAndNotRetried() {
        http.error(403, "forbidden");

        ProviderException e = catchThrowableOfType(() -> provider().listChanges(CAL, "tok1"),
                ProviderException.class);

        assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(e.reason()).isEqualTo("forbidden");
        assertThat(sleeper.delays).isEmpty();
    }

    @Test
    void calendarUsageLimitIsTransientButNotRetriedAtOnce() {
        http.error(403, "quotaExceeded");

        ProviderException e = catchThrowableOfType(() -> provider().listChanges(CAL, "tok1"),
                ProviderException.class);

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(calls.outcomes()).containsExactly("403");
    }

    @Test
    void preconditionFailedIsRejectedAndNotRetried() {
        http.error(412, "conditionNotMet");

        ProviderException e = catchThrowableOfType(() -> provider().delete(CAL, BlockHandle.of("csabcde")),
                ProviderException.class);

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.status()).isEqualTo(412);
        assertThat(calls.outcomes()).containsExactly("412");
    }

    @Test
    void calendarListIsPagedAndPrefersTheUsersOwnName() {
        http.json(200, "{\"items\":[{\"id\":\"me@example.com\",\"summary\":\"me@example.com\","
                        + "\"summaryOverride\":\"Me\",\"primary\":true,\"accessRole\":\"owner\","
                        + "\"timeZone\":\"Europe/Berlin\"},{\"summary\":\"no id\"}],\"nextPageToken\":\"c2\"}")
                .json(200, "{\"items\":[{\"id\":\"holidays\",\"summary\":\"Holidays\",\"accessRole\":\"reader\"}]}");
        GoogleCalendarProvider provider = provider();

        var calendars = provider.listCalendars("work");

        assertThat(calendars).containsExactly(
                new dev.calsync.core.calendar.CalendarInfo("me@example.com", "Me", true, "owner", "Europe/Berlin"),
                new dev.calsync.core.calendar.CalendarInfo("holidays", "Holidays", false, "reader", null));
        assertThat(http.sent.get(1).url()).contains("pageToken=c2");
        assertThat(provider.malformedEventsSkipped()).isEqualTo(1);
    }
}
