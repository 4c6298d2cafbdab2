package dev.calsync.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.store.CalendarCommit;
import dev.calsync.core.store.CalendarSyncState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A second process on the same H2 file, started by {@link TwoProcessesTest}:
 * {@code <url> <parentGroup> <childGroup> <nowEpochSecond>}. Prints what it saw as {@code key=value} lines.
 */
public final class StoreChildProcess {

    public static void main(String[] args) {
        String url = args[0];
        String parentGroup = args[1];
        String childGroup = args[2];
        Instant now = Instant.ofEpochSecond(Long.parseLong(args[3]));
        CalendarRef calendar = new CalendarRef("work", "primary");
        try (HikariDataSource dataSource = Databases.open(url, "sa", "")) {
            JdbcSyncStore store = new JdbcSyncStore(dataSource);
            System.out.println("leaseTaken=" + store.tryAcquireLease(parentGroup, "child", now, Duration.ofSeconds(30)));
            System.out.println("parentToken=" + store.syncState(parentGroup, calendar).syncToken());
            System.out.println("parentEvents=" + store.cachedEvents(parentGroup, calendar).size());
            store.commit(childGroup, List.of(new CalendarCommit(calendar, true,
                    List.of(SourceEvent.timed("from-child", now, now.plusSeconds(60))),
                    CalendarSyncState.NEW.afterSuccess("child-token", true, now))));
            System.out.println("committed=true");
        }
    }
}
