package dev.calsync.app.demo;

import java.util.List;

/**
 * The demo's sample people, matching the emulator's demo seed: each has a work and a personal account. DEMO ONLY:
 * these sign-ins exist only under the {@code demo} profile.
 */
public final class DemoUsers {

    public static final String PASSWORD = "demo";

    /** @param accounts the emulator accounts (seeds/demo.json) connected for this person */
    public record DemoUser(String name, List<String> accounts) {
    }

    public static final List<DemoUser> ALL = List.of(
            new DemoUser("alice", List.of("alice-work", "alice-home")),
            new DemoUser("bob", List.of("bob-work", "bob-home")));

    private DemoUsers() {
    }
}
