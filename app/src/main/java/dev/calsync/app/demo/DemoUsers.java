package dev.calsync.app.demo;

import java.util.List;

/**
 * The demo's sample people, matching the emulators' demo seeds: each has a work and a personal Google account, and
 * alice also a Microsoft 365 mailbox. DEMO ONLY: these sign-ins exist only under the {@code demo} profile.
 */
public final class DemoUsers {

    public static final String PASSWORD = "demo";

    /**
     * @param accounts          the Google emulator accounts (seeds/demo.json) connected for this person
     * @param microsoftAccounts the Graph emulator mailboxes (its demo-seed.json) connected for this person
     */
    public record DemoUser(String name, List<String> accounts, List<String> microsoftAccounts) {
    }

    public static final List<DemoUser> ALL = List.of(
            new DemoUser("alice", List.of("alice-work", "alice-home"), List.of("alice-m365")),
            new DemoUser("bob", List.of("bob-work", "bob-home"), List.of()));

    private DemoUsers() {
    }
}
