-- Provider calls per UTC day, calendar and kind, beside the per-account api_calls: a group's card counts the
-- calls on its own calendars. Calendar-list reads concern an account, not a calendar, and are not counted here.
CREATE TABLE calendar_api_calls (
    call_day    DATE NOT NULL,
    account_id  VARCHAR NOT NULL,
    calendar_id VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,
    calls       BIGINT NOT NULL,
    PRIMARY KEY (call_day, account_id, calendar_id, kind)
);
