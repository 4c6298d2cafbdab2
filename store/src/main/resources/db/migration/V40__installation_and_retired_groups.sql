-- This installation's id, made once (by the store, on first use) and stamped into every block it writes, so that
-- two installations writing to one shared calendar never take each other's blocks for their own. One row.
CREATE TABLE installation (
    singleton  INTEGER NOT NULL PRIMARY KEY,   -- always 1
    id         VARCHAR NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT installation_one_row CHECK (singleton = 1)
);

-- Groups declared in a configuration file (the CLI's calsync.yml, serve's file): a file group no longer in the file
-- is retired (its group rows go, its block rows stay until its blocks are removed). Web groups live in the
-- database alone and are never retired this way.
ALTER TABLE sync_groups ADD COLUMN from_file BOOLEAN DEFAULT FALSE NOT NULL;
