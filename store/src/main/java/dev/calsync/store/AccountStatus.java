package dev.calsync.store;

/** Whether calsync can still reach an account's calendars. */
public enum AccountStatus {
    ACTIVE,
    /** The provider refused the credentials (401 after a refresh): the person must connect the account again. */
    RECONNECT_NEEDED
}
