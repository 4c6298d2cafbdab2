-- Provider calls per UTC day, for the dashboard: one counter row per account, call kind and outcome.
CREATE TABLE api_calls (
    call_day   DATE NOT NULL,
    account_id VARCHAR NOT NULL,
    kind       VARCHAR NOT NULL,
    outcome    VARCHAR NOT NULL,
    calls      BIGINT NOT NULL,
    PRIMARY KEY (call_day, account_id, kind, outcome)
);
