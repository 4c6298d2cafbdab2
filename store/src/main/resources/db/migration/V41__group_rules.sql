-- A group's rules (issue 18): which source events block, the hours busy time is clipped to, the blocks' colour,
-- and each calendar's role and the name {calendar} shows. Every column's default is calsync's behaviour before
-- rules existed, so groups saved earlier read back unchanged.
ALTER TABLE sync_groups ADD COLUMN busy_tentative BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE sync_groups ADD COLUMN busy_all_day VARCHAR(8) DEFAULT 'OPAQUE' NOT NULL;
ALTER TABLE sync_groups ADD COLUMN busy_out_of_office BOOLEAN DEFAULT TRUE NOT NULL;
-- The hours: all four set, or all four null (all the time). Days as MO,TU,...; times as HH:mm; an IANA zone.
ALTER TABLE sync_groups ADD COLUMN hours_days VARCHAR(20);
ALTER TABLE sync_groups ADD COLUMN hours_from VARCHAR(5);
ALTER TABLE sync_groups ADD COLUMN hours_to VARCHAR(5);
ALTER TABLE sync_groups ADD COLUMN hours_zone VARCHAR(64);
-- Titles to skip, one a line (an entry is one line of at most 100 characters, at most 20 entries).
ALTER TABLE sync_groups ADD COLUMN skip_titles VARCHAR(2100) DEFAULT '' NOT NULL;
ALTER TABLE sync_groups ADD COLUMN block_color INTEGER;
ALTER TABLE group_calendars ADD COLUMN calendar_role VARCHAR(8) DEFAULT 'BOTH' NOT NULL;
ALTER TABLE group_calendars ADD COLUMN display_name VARCHAR(200);
