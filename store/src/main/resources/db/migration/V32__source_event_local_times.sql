-- The wall-clock time a source wrote, where its instant cannot say it: a start inside a DST gap (02:30 on the day
-- clocks jump from 02:00 to 03:00) is the instant of 03:30, yet a daily series starting there recurs at 02:30.
ALTER TABLE source_events ADD COLUMN start_local VARCHAR;
ALTER TABLE source_events ADD COLUMN end_local VARCHAR;
ALTER TABLE source_events ADD COLUMN original_start_local VARCHAR;
