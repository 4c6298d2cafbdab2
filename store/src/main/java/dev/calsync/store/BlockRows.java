package dev.calsync.store;

import dev.calsync.core.block.BlockState;
import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.block.OccurrenceRef;
import dev.calsync.core.calendar.CalendarRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The {@code blocks} table: one row per block calsync wrote (or is about to write) on a target calendar. */
final class BlockRows {

    private final Upsert.Statement upsert;

    BlockRows(Dialect dialect) {
        this.upsert = Upsert.into("blocks")
                .key("group_id", "target_account", "target_calendar", "block_id")
                .set("source_calendar", "source_event_id", "content_hash", "block_state", "provider_id", "etag",
                        "series_key", "original_start_instant", "original_start_zone", "original_start_date")
                .build(dialect);
    }

    void upsert(Connection connection, List<KnownBlock> blocks) throws SQLException {
        if (blocks.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(upsert.sql())) {
            int pending = 0;
            for (KnownBlock block : blocks) {
                List<Object> values = new ArrayList<>(List.of(block.groupId(), block.target().accountId(),
                        block.target().calendarId(), block.blockId()));
                values.add(block.sourceCalendar());
                values.add(block.sourceEventId());
                values.add(block.contentHash());
                values.add(block.state() == null ? null : block.state().name());
                values.add(block.providerId());
                values.add(block.etag());
                OccurrenceRef occurrence = block.occurrence();
                values.add(occurrence == null ? null : occurrence.seriesKey());
                EventTimeColumns.addValues(values, occurrence == null ? null : occurrence.originalStart());
                upsert.bind(ps, values.toArray());
                ps.addBatch();
                if (++pending == Jdbc.BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    List<KnownBlock> read(Connection connection, String groupId) throws SQLException {
        String sql = "SELECT target_account, target_calendar, block_id, source_calendar, source_event_id,"
                + " content_hash, block_state, provider_id, etag, series_key, "
                + EventTimeColumns.names("original_start") + " FROM blocks WHERE group_id = ?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, groupId);
            try (ResultSet rs = ps.executeQuery()) {
                List<KnownBlock> blocks = new ArrayList<>();
                while (rs.next()) {
                    String state = rs.getString("block_state");
                    String blockId = rs.getString("block_id");
                    String seriesKey = rs.getString("series_key");
                    OccurrenceRef occurrence = seriesKey == null ? LegacyOccurrenceKeys.parse(blockId)
                            : new OccurrenceRef(seriesKey, EventTimeColumns.read(rs, "original_start"));
                    blocks.add(new KnownBlock(groupId,
                            new CalendarRef(rs.getString("target_account"), rs.getString("target_calendar")),
                            blockId,
                            rs.getString("source_calendar"),
                            rs.getString("source_event_id"),
                            rs.getString("content_hash"),
                            state == null ? null : BlockState.valueOf(state),
                            rs.getString("provider_id"),
                            rs.getString("etag"),
                            occurrence));
                }
                // Sorted here rather than by ORDER BY, so both databases give the same (code point) order.
                blocks.sort(Comparator.comparing((KnownBlock b) -> b.target().accountId())
                        .thenComparing(b -> b.target().calendarId()).thenComparing(KnownBlock::blockId));
                return blocks;
            }
        }
    }

    void delete(Connection connection, String groupId, CalendarRef target, String blockId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM blocks"
                + " WHERE group_id = ? AND target_account = ? AND target_calendar = ? AND block_id = ?")) {
            ps.setString(1, groupId);
            ps.setString(2, target.accountId());
            ps.setString(3, target.calendarId());
            ps.setString(4, blockId);
            ps.executeUpdate();
        }
    }
}
