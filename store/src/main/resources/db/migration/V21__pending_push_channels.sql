-- A channel is filed before events.watch is called, so that its first notification (Google may send it before the
-- watch call has answered) finds it. Until the answer arrives its resource id is unknown.
ALTER TABLE push_channels ALTER COLUMN resource_id DROP NOT NULL;
