package dev.calsync.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.sync.GroupReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 3's end-to-end promises: propagation, loop prevention and the lower bound of API calls. */
class IncrementalSyncTest {

    static List<TestDatabase> databases() {
        return TestDatabase.all();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void createMoveShortenCancelAndDeleteOnAnyCalendarPropagateToAllOthers(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            SyncGroup group = h.group("alice", Harness.WORK, Harness.TEAM, Harness.HOME);
            String standup = h.create(Harness.WORK, "Standup", 1, 9, 30);
            String dentist = h.create(Harness.HOME, "Dentist", 2, 14, 60);
            h.sync(group);
            assertThat(h.blocksOn(Harness.HOME)).hasSize(1);
            assertThat(h.blocksOn(Harness.TEAM)).hasSize(2);
            assertThat(h.blocksOn(Harness.WORK)).hasSize(1);
            assertBlockTimes(h, Harness.TEAM, h.at(1, 9), h.at(1, 9).plusSeconds(1800));

            h.move(Harness.WORK, standup, 3, 10, 30);          // move
            h.move(Harness.HOME, dentist, 2, 14, 30);          // shorten
            String review = h.create(Harness.TEAM, "Review", 4, 16, 45);
            h.sync(group);
            assertThat(h.verify(group).consistent()).isTrue();
            assertBlockTimes(h, Harness.HOME, h.at(3, 10), h.at(3, 10).plusSeconds(1800));

            h.set(Harness.WORK, standup, "status", "cancelled"); // cancel
            h.delete(Harness.HOME, dentist);                     // delete
            h.sync(group);
            assertThat(h.blocksOn(Harness.WORK)).extracting(b -> b.path("extendedProperties").path("private")
                    .path("cse").asText()).containsExactly(review);
            assertThat(h.blocksOn(Harness.HOME)).hasSize(1);
            assertThat(h.blocksOn(Harness.TEAM)).isEmpty();
            assertThat(h.verify(group).consistent()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void blocksNeverProduceBlocksBackAndEveryBlockHasTheFixedPrivateForm(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            SyncGroup group = h.group("alice", Harness.WORK, Harness.TEAM, Harness.HOME);
            h.create(Harness.WORK, "Board meeting with the secret client", 1, 9, 60);
            for (int pass = 0; pass < 4; pass++) {
                h.sync(group);
            }
            assertThat(h.blocksOn(Harness.WORK)).isEmpty();
            assertThat(h.blocksOn(Harness.TEAM)).hasSize(1);
            assertThat(h.blocksOn(Harness.HOME)).hasSize(1);
            ObjectNode block = h.blocksOn(Harness.HOME).get(0);
            assertThat(block.path("summary").asText()).isEqualTo("Busy");
            assertThat(block.path("visibility").asText()).isEqualTo("private");
            assertThat(block.path("transparency").asText("opaque")).isEqualTo("opaque");
            assertThat(block.path("reminders").path("useDefault").asBoolean(true)).isFalse();
            assertThat(block.has("attendees")).isFalse();
            assertThat(block.has("description")).isFalse();
            assertThat(block.has("location")).isFalse();
            assertThat(block.path("id").asText()).matches("cs[0-9a-v]{40}");
            assertThat(block.toString()).doesNotContain("secret client");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aPassWithoutChangesMakesOneListPerCalendarAndNoWrite(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            SyncGroup group = h.group("alice", Harness.WORK, Harness.TEAM, Harness.HOME);
            for (int i = 0; i < 5; i++) {
                h.create(Harness.WORK, "w" + i, 1 + i, 9, 30);
                h.create(Harness.HOME, "h" + i, 1 + i, 18, 30);
            }
            h.sync(group);
            h.sync(group); // absorbs the echoes of the first pass's writes

            Map<CallKind, Long> before = h.calls.snapshot();
            GroupReport report = h.sync(group);

            assertThat(h.calls.since(before)).isEqualTo(Map.of(CallKind.LIST, 3L));
            assertThat(report.writes()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void kChangedEventsCostKTimesTargetsWrites(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            SyncGroup group = h.group("alice", Harness.WORK, Harness.TEAM, Harness.HOME);
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ids.add(h.create(Harness.WORK, "w" + i, 1 + i, 9, 30));
            }
            h.sync(group);
            h.sync(group);

            int k = 4;
            for (int i = 0; i < k; i++) {
                h.move(Harness.WORK, ids.get(i), 10 + i, 11, 45);
            }
            Map<CallKind, Long> before = h.calls.snapshot();
            GroupReport report = h.sync(group);

            Map<CallKind, Long> used = h.calls.since(before);
            assertThat(used.get(CallKind.UPDATE)).isEqualTo(k * 2L);
            assertThat(used.getOrDefault(CallKind.INSERT, 0L) + used.getOrDefault(CallKind.DELETE, 0L)).isZero();
            assertThat(used.get(CallKind.LIST)).isEqualTo(3L);
            assertThat(report.updated()).isEqualTo(k * 2);
            assertThat(h.verify(group).consistent()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void freeDeclinedAndWorkingLocationEventsMakeNoBlocks(TestDatabase db) {
        try (Harness h = new Harness(db)) {
            SyncGroup group = h.group("alice", Harness.WORK, Harness.HOME);
            String free = h.create(Harness.WORK, "Focus (free)", 1, 9, 60);
            h.set(Harness.WORK, free, "transparency", "transparent");
            String office = h.create(Harness.WORK, "Office", 1, 0, 60 * 24);
            h.set(Harness.WORK, office, "eventType", "workingLocation");
            ObjectNode declined = Harness.event("Invite", h.at(2, 10), h.at(2, 11));
            declined.putArray("attendees").addObject().put("email", "alice@work.example").put("self", true)
                    .put("responseStatus", "declined");
            h.emulator.userInsert(Harness.WORK.calendarId(), declined);
            h.create(Harness.WORK, "Real meeting", 3, 10, 60);

            h.sync(group);

            assertThat(h.blocksOn(Harness.HOME)).hasSize(1);
            h.set(Harness.WORK, free, "transparency", "opaque");
            h.sync(group);
            assertThat(h.blocksOn(Harness.HOME)).hasSize(2);
            assertThat(h.verify(group).consistent()).isTrue();
        }
    }

    private static void assertBlockTimes(Harness h, dev.calsync.core.calendar.CalendarRef calendar, Instant start,
                                         Instant end) {
        assertThat(h.blocksOn(calendar)).anySatisfy(block -> {
            assertThat(Instant.parse(normalize(block.path("start").path("dateTime").asText()))).isEqualTo(start);
            assertThat(Instant.parse(normalize(block.path("end").path("dateTime").asText()))).isEqualTo(end);
        });
    }

    private static String normalize(String rfc3339) {
        return java.time.OffsetDateTime.parse(rfc3339).toInstant().toString();
    }
}
