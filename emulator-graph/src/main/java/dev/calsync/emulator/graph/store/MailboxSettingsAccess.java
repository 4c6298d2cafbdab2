package dev.calsync.emulator.graph.store;

/**
 * What the mailbox's token was granted of the mailbox settings, where the master category list lives: Graph wants
 * {@code MailboxSettings.Read} to list it and {@code MailboxSettings.ReadWrite} to add to it; {@code Calendars.ReadWrite}
 * alone gives neither (403 {@code ErrorAccessDenied}). Events' {@code categories} need only the calendar permission.
 */
public enum MailboxSettingsAccess {
    /** Neither permission: every masterCategories call is 403. */
    NONE,
    /** {@code MailboxSettings.Read}: listing works, adding is 403. */
    READ,
    /** {@code MailboxSettings.ReadWrite}: both work (the emulator's default). */
    READ_WRITE
}
