-- Connected calendar accounts. Credentials are encrypted by the app before they get here.
CREATE TABLE accounts (
    id                    VARCHAR NOT NULL PRIMARY KEY,
    owner                 VARCHAR NOT NULL,
    provider              VARCHAR(32) NOT NULL,
    display_name          VARCHAR,
    email                 VARCHAR,
    encrypted_credentials BYTEA,
    status                VARCHAR(32) NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX accounts_by_owner ON accounts (owner);
