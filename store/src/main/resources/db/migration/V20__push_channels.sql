-- Push notification channels (events.watch), one or two per watched calendar (two while one is being renewed).
-- The channel token is not stored: it is an HMAC of the channel id under the server's push secret.
CREATE TABLE push_channels (
    channel_id  VARCHAR NOT NULL PRIMARY KEY,
    account_id  VARCHAR NOT NULL,
    calendar_id VARCHAR NOT NULL,
    resource_id VARCHAR NOT NULL,
    expiration  TIMESTAMP WITH TIME ZONE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX push_channels_by_calendar ON push_channels (account_id, calendar_id);

-- Notifications expected for calsync's own block writes on a calendar (each write causes one), so that the
-- webhook can absorb them instead of syncing the calendar for them. An expectation only counts until
-- expires_at, so a notification Google never sent cannot swallow a real change for long.
CREATE TABLE push_echoes (
    account_id  VARCHAR NOT NULL,
    calendar_id VARCHAR NOT NULL,
    expected    BIGINT NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, calendar_id)
);
