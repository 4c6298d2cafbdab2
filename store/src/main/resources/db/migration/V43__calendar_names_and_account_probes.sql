-- How a group's calendar name (an alias such as 'primary', or an id) resolved in its account's calendar list, so a
-- CLI run asks the provider only for names it has not met yet.
CREATE TABLE calendar_names (
    account_id  VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,
    calendar_id VARCHAR NOT NULL,
    resolved_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, name)
);

-- When a paused account is probed next, and how many probes in a row failed (the back-off).
CREATE TABLE account_probes (
    account_id    VARCHAR NOT NULL PRIMARY KEY,
    failures      INT NOT NULL,
    next_probe_at TIMESTAMP WITH TIME ZONE NOT NULL
);
