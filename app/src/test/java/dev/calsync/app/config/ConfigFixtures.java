package dev.calsync.app.config;

/** A valid configuration that tests break one mistake at a time. */
final class ConfigFixtures {

    static final String WORK_TOKEN = "tok-work-SECRET-1";
    static final String HOME_TOKEN = "tok-home-SECRET-2";

    static final String VALID = """
            storage: {url: "jdbc:h2:mem:test"}
            google: {rootUrl: "http://127.0.0.1:8089/"}
            sync: {mode: incremental, pollInterval: 5m}
            accounts:
              - {id: work, provider: google, accessToken: "%s"}
              - {id: home, provider: google, accessToken: "%s"}
            groups:
              - id: alice
                window: {pastDays: 30, futureDays: 90}
                busyTitle: Busy
                calendars:
                  - {account: work, calendar: primary}
                  - {account: home, calendar: alice@example.com}
            """.formatted(WORK_TOKEN, HOME_TOKEN);

    private ConfigFixtures() {
    }

    /** {@link #VALID} with one piece of text replaced; fails loudly if the text is not there. */
    static String validWith(String from, String to) {
        if (!VALID.contains(from)) {
            throw new IllegalArgumentException("fixture does not contain: " + from);
        }
        return VALID.replace(from, to);
    }
}
