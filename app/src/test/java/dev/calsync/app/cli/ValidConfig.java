package dev.calsync.app.cli;

/** A configuration every check accepts. */
final class ValidConfig {

    static final String TOKEN = "cli-test-SECRET";

    static final String YAML = """
            storage: {url: "jdbc:h2:mem:cli"}
            google: {rootUrl: "http://127.0.0.1:8089/"}
            accounts:
              - {id: work, provider: google, accessToken: "%s-w"}
              - {id: home, provider: google, accessToken: "%s-h"}
            groups:
              - id: alice
                window: {pastDays: 30, futureDays: 90}
                calendars:
                  - {account: work, calendar: primary}
                  - {account: home, calendar: alice@example.com}
            """.formatted(TOKEN, TOKEN);

    private ValidConfig() {
    }
}
