-- Echo windows (the writes to a calendar until their expectations run out), counted so that a provider that merges
-- notifications shows itself: a window that got some notifications, but fewer than it expected echoes.
-- window_number names the open window (its close is scheduled once, by the write that opened it); merges stays true
-- once merging was seen, and from then on each closed window of the calendar that absorbed a notification is
-- confirmed with one list.
ALTER TABLE push_echoes ADD COLUMN window_number BIGINT NOT NULL DEFAULT 0;
ALTER TABLE push_echoes ADD COLUMN window_expected BIGINT NOT NULL DEFAULT 0;
ALTER TABLE push_echoes ADD COLUMN window_absorbed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE push_echoes ADD COLUMN merges BOOLEAN NOT NULL DEFAULT FALSE;
