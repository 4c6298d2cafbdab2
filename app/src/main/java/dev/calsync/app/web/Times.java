package dev.calsync.app.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Times as pages show them ({@code ${@times.ago(t)}}): UTC, plus how long ago or ahead, for people and screen readers. */
@Component("times")
public class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Clock clock;

    public Times(Clock clock) {
        this.clock = clock;
    }

    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    public String utc(Instant instant) {
        return instant == null ? "never" : FORMAT.format(instant);
    }

    public String ago(Instant instant) {
        if (instant == null) {
            return "never";
        }
        Duration d = Duration.between(instant, clock.instant());
        boolean future = d.isNegative();
        String amount = amount(d.abs());
        return future ? "in " + amount : amount + " ago";
    }

    /** A moment ahead, "in 4 min"; one that has come is "due now" (the scheduler is about to run it). */
    public String until(Instant instant) {
        return instant.isAfter(clock.instant()) ? ago(instant) : "due now";
    }

    /** A span of time in words: "40 s", "2 min". */
    public String amount(Duration d) {
        if (d.toSeconds() < 60) {
            return d.toSeconds() + " s";
        }
        if (d.toMinutes() < 60) {
            return d.toMinutes() + " min";
        }
        if (d.toHours() < 48) {
            return d.toHours() + " h";
        }
        return d.toDays() + " days";
    }
}
