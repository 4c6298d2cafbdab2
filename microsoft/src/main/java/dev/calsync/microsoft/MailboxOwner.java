package dev.calsync.microsoft;

/** Whose mailbox an account is: the owner of its default calendar, as Graph names it. */
public record MailboxOwner(String address, String name) {
}
