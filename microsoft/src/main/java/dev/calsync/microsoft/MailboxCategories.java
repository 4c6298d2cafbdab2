package dev.calsync.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.rules.BlockColor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The categories blocks are coloured with, per mailbox: read from the master list ({@code GET
 * me/outlook/masterCategories}, which needs {@code MailboxSettings.Read}) and added to it once where missing ({@code
 * POST}, {@code MailboxSettings.ReadWrite}). A category that exists is used as it is, in whatever colour the person
 * gave it. What the list holds is believed for {@link #RECHECK}, so a mailbox costs at most one read (and one create
 * per colour) a day, and only when a coloured block is written.
 *
 * <p>Where the mailbox does not allow it (403 without the permission, 404 for a mailbox without one, 400), blocks are
 * written without a category and the reason is kept for {@link #problem(String)} and logged once: never a failed
 * write. A name taken meanwhile (409, also when a retried POST had landed) is settled by reading the list again.
 * Throttling and outages are the write's own failures, retried with it.
 */
final class MailboxCategories {
    static final Duration RECHECK = Duration.ofDays(1);
    private static final System.Logger LOG = System.getLogger(MailboxCategories.class.getName());
    private static final String ALL_CALENDARS = "*";
    private static final String LIST = "me/outlook/masterCategories";
    private static final Set<Integer> REFUSALS = Set.of(400, 403, 404, 409);

    /** More pages than a master list has (Outlook's lists hold some dozens of categories). */
    private static final int MAX_PAGES = 100;

    private final GraphHttp http;
    private final Clock clock;
    private final Map<String, Mailbox> mailboxes = new ConcurrentHashMap<>();

    MailboxCategories(GraphHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** The category a block in palette colour {@code index} carries on this calendar; empty: none can be had. */
    Optional<String> categoryFor(CalendarRef calendar, int index) {
        Optional<String> name = BlockCategory.name(index);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return mailboxes.computeIfAbsent(calendar.accountId(), Mailbox::new).categoryFor(index, name.get());
    }

    /** Why this account's blocks are written without colour, or empty when nothing stood in the way. */
    Optional<String> problem(String accountId) {
        Mailbox mailbox = mailboxes.get(accountId);
        return mailbox == null ? Optional.empty() : mailbox.problem();
    }

    private final class Mailbox {
        private final CalendarRef account;
        /** Palette index → the category's name as the list spells it. */
        private final Map<Integer, String> ready = new HashMap<>();
        private Instant read;
        private String readRefused;
        private String createRefused;

        Mailbox(String accountId) {
            this.account = new CalendarRef(accountId, ALL_CALENDARS);
        }

        synchronized Optional<String> problem() {
            return Optional.ofNullable(readRefused != null ? readRefused : createRefused);
        }

        synchronized Optional<String> categoryFor(int index, String name) {
            if (read == null || !clock.instant().isBefore(read.plus(RECHECK))) {
                readList();
            }
            if (ready.containsKey(index)) {
                return Optional.of(ready.get(index));
            }
            if (readRefused != null || createRefused != null) {
                return Optional.empty();
            }
            return create(index, name);
        }

        private void readList() {
            ready.clear();
            readRefused = null;
            createRefused = null;
            read = clock.instant();
            List<JsonNode> list = new ArrayList<>();
            String next = LIST;
            for (int page = 0; next != null && page < MAX_PAGES; page++) {
                GraphAnswer answer = http.send(account, CallKind.CALENDAR_LIST, GraphRequest.get(next), REFUSALS);
                if (!answer.ok()) {
                    readRefused = refused("cannot be read", answer, "MailboxSettings.Read");
                    return;
                }
                answer.json().path("value").forEach(list::add);
                next = answer.json().path("@odata.nextLink").asText(null);
            }
            for (int index = BlockColor.MIN; index <= BlockColor.MAX; index++) {
                String wanted = BlockCategory.name(index).orElseThrow();
                for (JsonNode category : list) {
                    String displayName = category.path("displayName").asText("");
                    if (displayName.equalsIgnoreCase(wanted)) {
                        ready.put(index, displayName);
                    }
                }
            }
        }

        private Optional<String> create(int index, String name) {
            ObjectNode category = GraphHttp.JSON.createObjectNode().put("displayName", name)
                    .put("color", BlockCategory.preset(index));
            GraphAnswer answer = http.send(account, CallKind.INSERT, GraphRequest.post(LIST, category), REFUSALS);
            if (answer.ok()) {
                ready.put(index, answer.json().path("displayName").asText(name));
                return Optional.of(ready.get(index));
            }
            if (answer.status() == 409) {
                readList(); // made meanwhile, by a person, another worker, or an attempt whose answer was lost
                if (ready.containsKey(index)) {
                    return Optional.of(ready.get(index));
                }
            }
            if (readRefused == null) {
                createRefused = refused("cannot be added to", answer, "MailboxSettings.ReadWrite");
            }
            return Optional.empty();
        }

        private String refused(String what, GraphAnswer answer, String permission) {
            String why = "HTTP " + answer.status() + (answer.errorCode() == null ? "" : " " + answer.errorCode());
            String problem = "Outlook's master category list " + what + " (" + why + "; it needs " + permission
                    + "): blocks on account " + account.accountId() + " are written without colour";
            LOG.log(System.Logger.Level.WARNING, problem);
            return problem;
        }
    }
}
