-- A block keeps calsync's key as its identity (block_id) and, beside it, what the provider told of it: its own
-- id where the provider assigns ids (Microsoft Graph) or names resources (CalDAV), and its etag. An occurrence
-- of a block series names its series and its original start, so nothing has to be read out of its key.
ALTER TABLE blocks ADD COLUMN provider_id VARCHAR;
ALTER TABLE blocks ADD COLUMN etag VARCHAR;
ALTER TABLE blocks ADD COLUMN series_key VARCHAR;
ALTER TABLE blocks ADD COLUMN original_start_instant VARCHAR;
ALTER TABLE blocks ADD COLUMN original_start_zone VARCHAR;
ALTER TABLE blocks ADD COLUMN original_start_date VARCHAR;

-- The id one meeting keeps on every calendar it is on (iCalendar UID).
ALTER TABLE source_events ADD COLUMN meeting_id VARCHAR;
