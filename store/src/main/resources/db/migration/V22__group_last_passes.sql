-- Each group's last pass, whichever node ran it, for the dashboard: behind a load balancer every node must show
-- the same last sync, not only the passes it ran itself.
CREATE TABLE group_last_passes (
    group_id    VARCHAR NOT NULL PRIMARY KEY REFERENCES sync_groups (id) ON DELETE CASCADE,
    finished_at TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome     VARCHAR NOT NULL,
    inserted    INTEGER NOT NULL,
    updated     INTEGER NOT NULL,
    deleted     INTEGER NOT NULL,
    took_ms     BIGINT NOT NULL
);
