-- calsync sync state. One schema for H2 and PostgreSQL: only types and syntax both accept
-- (VARCHAR without length, BOOLEAN, INTEGER, BIGINT, TIMESTAMP WITH TIME ZONE, BYTEA).
--
-- Instants the store hands back inside records (event times, sync-state times) are kept as
-- ISO-8601 text, because both databases round timestamps to microseconds and the cache must
-- give back exactly what it was given. Instants the database only compares or stamps
-- (leases, created/updated) are real timestamps.

CREATE TABLE sync_groups (
    id           VARCHAR NOT NULL PRIMARY KEY,
    owner        VARCHAR NOT NULL,
    busy_title   VARCHAR NOT NULL,
    past_days    INTEGER NOT NULL,
    future_days  INTEGER NOT NULL,
    sync_mode    VARCHAR(16) NOT NULL,
    manual_edits VARCHAR(16) NOT NULL,
    paused       BOOLEAN DEFAULT FALSE NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sync_groups_by_owner ON sync_groups (owner);

-- Member calendars in the order the person listed them.
CREATE TABLE group_calendars (
    group_id    VARCHAR NOT NULL REFERENCES sync_groups (id) ON DELETE CASCADE,
    position_no INTEGER NOT NULL,
    account_id  VARCHAR NOT NULL,
    calendar_id VARCHAR NOT NULL,
    PRIMARY KEY (group_id, position_no),
    CONSTRAINT group_calendars_once UNIQUE (group_id, account_id, calendar_id)
);
-- "Which groups hold this calendar?" (push notifications arrive per calendar).
CREATE INDEX group_calendars_by_calendar ON group_calendars (account_id, calendar_id);

-- The source cache, per group (no foreign key to sync_groups: the cache, blocks, tokens and leases
-- are keyed by group id alone and removed explicitly by deleteGroup).
-- An event time is three columns: *_instant + *_zone for a timed moment, *_date for an all-day date;
-- all NULL when the event has no such time (a cancelled event may carry only its id).
CREATE TABLE source_events (
    group_id               VARCHAR NOT NULL,
    account_id             VARCHAR NOT NULL,
    calendar_id            VARCHAR NOT NULL,
    event_id               VARCHAR NOT NULL,
    status                 VARCHAR(16) NOT NULL,
    start_instant          VARCHAR,
    start_zone             VARCHAR,
    start_date             VARCHAR,
    end_instant            VARCHAR,
    end_zone               VARCHAR,
    end_date               VARCHAR,
    transparent            BOOLEAN NOT NULL,
    event_type             VARCHAR NOT NULL,
    self_response          VARCHAR(16),
    recurrence             VARCHAR,   -- escaped lines, see TextColumns; NULL = no recurrence
    recurring_event_id     VARCHAR,
    original_start_instant VARCHAR,
    original_start_zone    VARCHAR,
    original_start_date    VARCHAR,
    summary                VARCHAR,   -- kept for the owner's own views; never leaves the store
    private_properties     VARCHAR,   -- escaped key=value lines, see TextColumns; NULL = none
    updated                VARCHAR,
    PRIMARY KEY (group_id, account_id, calendar_id, event_id)
);

-- Blocks calsync wrote or is about to write. The primary key starts with group_id, so its index
-- also serves the per-group queries (blocks(groupId), replaceBlocks, deleteGroup).
CREATE TABLE blocks (
    group_id        VARCHAR NOT NULL,
    target_account  VARCHAR NOT NULL,
    target_calendar VARCHAR NOT NULL,
    block_id        VARCHAR NOT NULL,
    source_calendar VARCHAR,
    source_event_id VARCHAR,
    content_hash    VARCHAR,
    block_state     VARCHAR(16),
    PRIMARY KEY (group_id, target_account, target_calendar, block_id)
);

CREATE TABLE calendar_sync_state (
    group_id              VARCHAR NOT NULL,
    account_id            VARCHAR NOT NULL,
    calendar_id           VARCHAR NOT NULL,
    sync_token            VARCHAR,
    last_full_sync        VARCHAR,
    last_incremental_sync VARCHAR,
    last_error            VARCHAR,
    last_error_at         VARCHAR,
    PRIMARY KEY (group_id, account_id, calendar_id)
);

-- One writer per group: whoever holds an unexpired lease.
CREATE TABLE group_leases (
    group_id    VARCHAR NOT NULL PRIMARY KEY,
    lease_owner VARCHAR NOT NULL,
    lease_until TIMESTAMP WITH TIME ZONE NOT NULL
);
