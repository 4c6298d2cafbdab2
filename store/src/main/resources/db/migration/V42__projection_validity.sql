-- Until when a group's last projection stays valid (the next moment a cached event crosses a window edge), and
-- a digest of the group's configuration it was made for. Kept on every calendar row of the group; an idle pass
-- (every read empty) before that moment skips reloading and re-planning the group. Null: project next pass.
ALTER TABLE calendar_sync_state ADD COLUMN projection_valid_until VARCHAR;
ALTER TABLE calendar_sync_state ADD COLUMN projection_digest VARCHAR;
