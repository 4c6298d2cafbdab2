package dev.calsync.store;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.push.ChangeChannel;
import dev.calsync.core.push.ChannelRegistry;
import dev.calsync.core.push.EchoLedger;
import dev.calsync.core.push.EchoWindow;
import dev.calsync.core.push.EchoWindowCheck;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code push_channels} and {@code push_echoes} tables: the push channels calsync opened (shared by every node,
 * so that any node can check a notification and renew or stop any channel) and the notifications expected for
 * calsync's own writes. The provider's handle of a channel is kept in {@code resource_id}.
 */
public final class PushChannelStore implements ChannelRegistry, EchoLedger {

    private final Jdbc jdbc;
    private final Clock clock;

    public PushChannelStore(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    public void save(ChangeChannel channel) {
        jdbc.inTransactionDo(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO push_channels"
                    + " (channel_id, account_id, calendar_id, resource_id, expiration, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, channel.id());
                ps.setString(2, channel.calendar().accountId());
                ps.setString(3, channel.calendar().calendarId());
                ps.setString(4, channel.handle());
                Jdbc.setTimestamp(ps, 5, channel.expiration());
                Jdbc.setTimestamp(ps, 6, clock.instant());
                ps.executeUpdate();
            }
        });
    }

    @Override
    public void opening(String channelId, CalendarRef calendar) {
        save(new ChangeChannel(channelId, calendar, null, null));
    }

    @Override
    public boolean opened(String channelId, String handle, Instant expiration) {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("UPDATE push_channels SET resource_id = ?,"
                    + " expiration = ? WHERE channel_id = ?")) {
                ps.setString(1, handle);
                Jdbc.setTimestamp(ps, 2, expiration);
                ps.setString(3, channelId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<ChangeChannel> find(String channelId) {
        List<ChangeChannel> found = query("SELECT channel_id, account_id, calendar_id, resource_id, expiration"
                + " FROM push_channels WHERE channel_id = ?", channelId);
        return found.stream().findFirst();
    }

    @Override
    public List<ChangeChannel> all() {
        return query("SELECT channel_id, account_id, calendar_id, resource_id, expiration"
                + " FROM push_channels ORDER BY account_id, calendar_id, created_at");
    }

    /** The open channel (not one still being opened) of {@code calendar} that lasts longest, if any. */
    public Optional<ChangeChannel> newestOpen(CalendarRef calendar) {
        return query("SELECT channel_id, account_id, calendar_id, resource_id, expiration FROM push_channels"
                + " WHERE account_id = ? AND calendar_id = ? AND resource_id IS NOT NULL"
                + " ORDER BY expiration DESC NULLS FIRST", calendar.accountId(), calendar.calendarId())
                .stream().findFirst();
    }

    /** Whether some open channel (not one still being opened) watches {@code calendar}. */
    public boolean watched(CalendarRef calendar) {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM push_channels"
                    + " WHERE account_id = ? AND calendar_id = ? AND resource_id IS NOT NULL")) {
                ps.setString(1, calendar.accountId());
                ps.setString(2, calendar.calendarId());
                ps.setMaxRows(1);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Override
    public boolean delete(String channelId) {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM push_channels WHERE channel_id = ?")) {
                ps.setString(1, channelId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** The soonest expiration of any channel, if any channel says when it expires. */
    public Optional<Instant> soonestExpiration() {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT MIN(expiration) FROM push_channels");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    OffsetDateTime min = rs.getObject(1, OffsetDateTime.class);
                    return Optional.ofNullable(min).map(OffsetDateTime::toInstant);
                }
                return Optional.empty();
            }
        });
    }

    // --- echoes of our own writes ---------------------------------------------------------------------------

    /**
     * Called before the write, so the notification can never arrive before it is expected. The write joins the
     * calendar's open echo window, or opens the next one when none is open (the last one was closed, or every write
     * in it was taken back).
     */
    @Override
    public EchoWindow expect(CalendarRef calendar, Duration window) {
        Instant now = clock.instant();
        Instant until = now.plus(window);
        return jdbc.inTransaction(connection -> {
            int updated;
            try (PreparedStatement ps = connection.prepareStatement("UPDATE push_echoes SET expected ="
                    + " CASE WHEN expires_at > ? THEN expected + 1 ELSE 1 END, expires_at = ?,"
                    + " window_number = CASE WHEN window_expected = 0 THEN window_number + 1 ELSE window_number END,"
                    + " window_absorbed = CASE WHEN window_expected = 0 THEN 0 ELSE window_absorbed END,"
                    + " window_expected = window_expected + 1"
                    + " WHERE account_id = ? AND calendar_id = ?")) {
                Jdbc.setTimestamp(ps, 1, now);
                Jdbc.setTimestamp(ps, 2, until);
                ps.setString(3, calendar.accountId());
                ps.setString(4, calendar.calendarId());
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                // A concurrent first insert fails with 23505 and the transaction is replayed as an update.
                try (PreparedStatement ps = connection.prepareStatement("INSERT INTO push_echoes (account_id,"
                        + " calendar_id, expected, expires_at, window_number, window_expected, window_absorbed, merges)"
                        + " VALUES (?, ?, 1, ?, 1, 1, 0, FALSE)")) {
                    ps.setString(1, calendar.accountId());
                    ps.setString(2, calendar.calendarId());
                    Jdbc.setTimestamp(ps, 3, until);
                    ps.executeUpdate();
                }
                return new EchoWindow(calendar, 1, until, true);
            }
            try (PreparedStatement ps = connection.prepareStatement("SELECT window_number, window_expected"
                    + " FROM push_echoes WHERE account_id = ? AND calendar_id = ?")) {
                ps.setString(1, calendar.accountId());
                ps.setString(2, calendar.calendarId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new EchoWindow(calendar, rs.getLong(1), until, rs.getLong(2) == 1);
                }
            }
        });
    }

    @Override
    public void cancel(CalendarRef calendar) {
        // window_expected >= expected: a window only ever gains what expected gains, and expected can restart at 1.
        jdbc.autoCommit(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("UPDATE push_echoes SET expected = expected - 1,"
                    + " window_expected = window_expected - 1"
                    + " WHERE account_id = ? AND calendar_id = ? AND expected > 0")) {
                ps.setString(1, calendar.accountId());
                ps.setString(2, calendar.calendarId());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean absorb(CalendarRef calendar) {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("UPDATE push_echoes SET expected = expected - 1,"
                    + " window_absorbed = window_absorbed + 1"
                    + " WHERE account_id = ? AND calendar_id = ? AND expected > 0 AND expires_at > ?")) {
                ps.setString(1, calendar.accountId());
                ps.setString(2, calendar.calendarId());
                Jdbc.setTimestamp(ps, 3, clock.instant());
                return ps.executeUpdate() > 0;
            }
        });
    }

    /**
     * Under the row's lock, so that a write or an echo arriving meanwhile counts in this window or in the next,
     * never in neither.
     */
    @Override
    public EchoWindowCheck close(CalendarRef calendar, long number) {
        Instant now = clock.instant();
        return jdbc.inTransaction(connection -> {
            long expected;
            long absorbed;
            boolean merges;
            try (PreparedStatement ps = connection.prepareStatement("SELECT window_number, window_expected,"
                    + " window_absorbed, merges, expires_at FROM push_echoes"
                    + " WHERE account_id = ? AND calendar_id = ? FOR UPDATE")) {
                ps.setString(1, calendar.accountId());
                ps.setString(2, calendar.calendarId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getLong(1) != number || rs.getLong(2) == 0) {
                        return new EchoWindowCheck.Closed(false);
                    }
                    Instant closes = rs.getObject(5, OffsetDateTime.class).toInstant();
                    if (closes.isAfter(now)) {
                        return new EchoWindowCheck.StillOpen(closes);
                    }
                    expected = rs.getLong(2);
                    absorbed = rs.getLong(3);
                    // Only an absorbed notification can hide a person's change, and a merge delivers at least one:
                    // a window that got none (no channel open yet, notifications lost) says nothing of merging.
                    merges = rs.getBoolean(4) || absorbed > 0 && absorbed < expected;
                }
            }
            try (PreparedStatement ps = connection.prepareStatement("UPDATE push_echoes SET merges = ?,"
                    + " window_expected = 0, window_absorbed = 0 WHERE account_id = ? AND calendar_id = ?")) {
                ps.setBoolean(1, merges);
                ps.setString(2, calendar.accountId());
                ps.setString(3, calendar.calendarId());
                ps.executeUpdate();
            }
            return new EchoWindowCheck.Closed(merges && absorbed > 0);
        });
    }

    @Override
    public List<EchoWindow> overdue(Duration late) {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT account_id, calendar_id, window_number,"
                    + " expires_at FROM push_echoes WHERE window_expected > 0 AND expires_at < ?")) {
                Jdbc.setTimestamp(ps, 1, clock.instant().minus(late));
                try (ResultSet rs = ps.executeQuery()) {
                    List<EchoWindow> windows = new ArrayList<>();
                    while (rs.next()) {
                        windows.add(new EchoWindow(new CalendarRef(rs.getString(1), rs.getString(2)), rs.getLong(3),
                                rs.getObject(4, OffsetDateTime.class).toInstant(), false));
                    }
                    return windows;
                }
            }
        });
    }

    /** Whether the calendar's notifications were seen to merge. */
    public boolean merges(CalendarRef calendar) {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT merges FROM push_echoes"
                    + " WHERE account_id = ? AND calendar_id = ?")) {
                ps.setString(1, calendar.accountId());
                ps.setString(2, calendar.calendarId());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        });
    }

    /** How many calendars' notifications were seen to merge. */
    public int mergingCalendars() {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM push_echoes WHERE merges");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** Keeps the rows of open windows (their close is still to come) and of calendars known to merge. */
    @Override
    public int purgeExpired() {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM push_echoes"
                    + " WHERE expires_at < ? AND window_expected = 0 AND NOT merges")) {
                Jdbc.setTimestamp(ps, 1, clock.instant());
                return ps.executeUpdate();
            }
        });
    }

    private List<ChangeChannel> query(String sql, String... args) {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setString(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    List<ChangeChannel> channels = new ArrayList<>();
                    while (rs.next()) {
                        channels.add(row(rs));
                    }
                    return channels;
                }
            }
        });
    }

    private static ChangeChannel row(ResultSet rs) throws SQLException {
        OffsetDateTime expiration = rs.getObject(5, OffsetDateTime.class);
        return new ChangeChannel(rs.getString(1), new CalendarRef(rs.getString(2), rs.getString(3)), rs.getString(4),
                expiration == null ? null : expiration.toInstant());
    }
}
