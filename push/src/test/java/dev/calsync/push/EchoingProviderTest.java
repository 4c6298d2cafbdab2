package dev.calsync.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.calsync.core.block.BlockBody;
import dev.calsync.core.block.BlockHandle;
import dev.calsync.core.block.OccurrenceRef;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.calendar.CalendarInfo;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.provider.ChangeSet;
import dev.calsync.core.provider.DeleteOutcome;
import dev.calsync.core.provider.InsertOutcome;
import dev.calsync.core.provider.ListOutcome;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.core.provider.UpdateOutcome;
import dev.calsync.core.push.EchoLedger;
import dev.calsync.core.push.EchoWindow;
import dev.calsync.core.push.EchoWindowCheck;
import dev.calsync.store.Databases;
import dev.calsync.store.PushChannelStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Block writes announce their echoes in the store's real ledger (H2); the provider answers as scripted. */
class EchoingProviderTest {
    private static final CalendarRef CAL = new CalendarRef("acct", "cal@example.com");

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-28T10:00:00Z"));
    private final HikariDataSource dataSource = Databases.open("jdbc:h2:mem:echo-" + UUID.randomUUID(), "sa", "");
    private final PushChannelStore ledger = new PushChannelStore(dataSource, clock);
    private final ScriptedWrites provider = new ScriptedWrites();
    private final EchoingProvider echoing = new EchoingProvider(provider, ledger, Duration.ofSeconds(60));

    @AfterEach
    void close() {
        dataSource.close();
    }

    private static final BlockHandle B1 = BlockHandle.of("b1");
    private static final OccurrenceRef OCCURRENCE = new OccurrenceRef("b1",
            EventTime.at(Instant.parse("2026-03-02T09:00:00Z"), "UTC"));
    private static final InsertOutcome CREATED = new InsertOutcome.Created(B1);
    private static final InsertOutcome EXISTS = new InsertOutcome.AlreadyExists(B1);
    private static final UpdateOutcome UPDATED = new UpdateOutcome.Updated(B1);

    private int expectedEchoes() {
        int n = 0;
        while (ledger.absorb(CAL)) {
            n++;
        }
        return n;
    }

    @Test
    void eachWriteThatChangedSomethingLeavesOneEchoToAbsorb() {
        assertThat(echoing.insert(CAL, "b1", null)).isEqualTo(CREATED);
        assertThat(echoing.update(CAL, B1, null)).isEqualTo(UPDATED);
        assertThat(echoing.delete(CAL, B1)).isEqualTo(DeleteOutcome.DELETED);
        assertThat(echoing.updateOccurrence(CAL, B1, OCCURRENCE, null)).isEqualTo(UPDATED);
        assertThat(echoing.cancelOccurrence(CAL, B1, OCCURRENCE)).isEqualTo(DeleteOutcome.DELETED);

        assertThat(expectedEchoes()).isEqualTo(5);
    }

    @Test
    void theEchoIsExpectedBeforeTheWriteIsSent() {
        provider.duringWrite = () -> assertThat(ledger.absorb(CAL)).as("expected while the write is on its way")
                .isTrue();

        echoing.insert(CAL, "b1", null);

        assertThat(provider.checks).isEqualTo(1);
    }

    @Test
    void writesThatChangedNothingOrFailedLeaveNoEcho() {
        provider.insert = EXISTS;
        provider.update = UpdateOutcome.NOT_FOUND;
        provider.delete = DeleteOutcome.ALREADY_GONE;
        echoing.insert(CAL, "b1", null);
        echoing.update(CAL, B1, null);
        echoing.delete(CAL, B1);
        provider.failing = true;
        assertThatThrownBy(() -> echoing.insert(CAL, "b2", null)).isInstanceOf(ProviderException.class);

        assertThat(expectedEchoes()).isZero();
        assertThat(provider.writes).hasSize(4);
    }

    @Test
    void aLedgerThatFailsCostsAListNotTheWrite() {
        EchoLedger broken = new EchoLedger() {
            @Override
            public EchoWindow expect(CalendarRef calendar, Duration window) {
                throw new IllegalStateException("database down");
            }

            @Override
            public void cancel(CalendarRef calendar) {
                throw new IllegalStateException("database down");
            }

            @Override
            public boolean absorb(CalendarRef calendar) {
                return false;
            }

            @Override
            public EchoWindowCheck close(CalendarRef calendar, long number) {
                throw new IllegalStateException("database down");
            }

            @Override
            public List<EchoWindow> overdue(Duration late) {
                return List.of();
            }

            @Override
            public int purgeExpired() {
                return 0;
            }
        };
        provider.insert = EXISTS;

        assertThat(new EchoingProvider(provider, broken, Duration.ofSeconds(60)).insert(CAL, "b1", null))
                .isEqualTo(EXISTS);
        assertThat(provider.writes).containsExactly("insert b1");
    }

    /** Answers block writes as told; nothing here reads. */
    private static final class ScriptedWrites implements CalendarProvider {
        final List<String> writes = new ArrayList<>();
        InsertOutcome insert = CREATED;
        UpdateOutcome update = UPDATED;
        DeleteOutcome delete = DeleteOutcome.DELETED;
        boolean failing;
        Runnable duringWrite = () -> { };
        int checks;

        private void write(String what) {
            writes.add(what);
            duringWrite.run();
            checks++;
            if (failing) {
                throw new ProviderException(ProviderException.Kind.TRANSIENT, 503, "backendError", "failed for test");
            }
        }

        @Override
        public InsertOutcome insert(CalendarRef calendar, String eventId, BlockBody body) {
            write("insert " + eventId);
            return insert;
        }

        @Override
        public UpdateOutcome update(CalendarRef calendar, BlockHandle block, BlockBody body) {
            write("update " + block.key());
            return update;
        }

        @Override
        public DeleteOutcome delete(CalendarRef calendar, BlockHandle block) {
            write("delete " + block.key());
            return delete;
        }

        @Override
        public UpdateOutcome updateOccurrence(CalendarRef calendar, BlockHandle series, OccurrenceRef occurrence,
                                              BlockBody body) {
            write("update " + occurrence.key());
            return update;
        }

        @Override
        public DeleteOutcome cancelOccurrence(CalendarRef calendar, BlockHandle series, OccurrenceRef occurrence) {
            write("cancel " + occurrence.key());
            return delete;
        }

        @Override
        public List<CalendarInfo> listCalendars(String accountId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ListOutcome listChanges(CalendarRef calendar, String syncToken) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ChangeSet listAll(CalendarRef calendar, Instant timeMin) {
            throw new UnsupportedOperationException();
        }
    }
}
