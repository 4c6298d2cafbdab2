package dev.calsync.emulator.store;

import dev.calsync.emulator.EmulatorApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Accounts, their bearer tokens and their calendars. Calendar ids are globally unique, as at Google. */
public final class CalendarRegistry {
    public record Account(String id, String token, List<String> calendarIds) {}

    private final EmulatorContext context;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    /** Insertion order, so listings and the CLI show accounts as the seed declares them. */
    private final List<String> accountOrder = new CopyOnWriteArrayList<>();
    private final Map<String, String> accountByToken = new ConcurrentHashMap<>();
    private final Map<String, String> primaryByAccount = new ConcurrentHashMap<>();
    private final Map<String, CalendarState> calendars = new ConcurrentHashMap<>();

    public CalendarRegistry(EmulatorContext context) { this.context = context; }

    public synchronized void addAccount(String accountId, String bearerToken) {
        String owner = accountByToken.get(bearerToken);
        if (owner != null && !owner.equals(accountId)) throw new IllegalArgumentException("token already used by account " + owner);
        Account old = accounts.get(accountId);
        if (old != null) accountByToken.remove(old.token());
        else accountOrder.add(accountId);
        accounts.put(accountId, new Account(accountId, bearerToken, old != null ? old.calendarIds() : new CopyOnWriteArrayList<>()));
        accountByToken.put(bearerToken, accountId);
    }

    public synchronized CalendarState addCalendar(String accountId, String calendarId, String summary, boolean primary, String timeZone) {
        Account account = accounts.get(accountId);
        if (account == null) throw new IllegalArgumentException("unknown account " + accountId);
        if (calendars.containsKey(calendarId) || "primary".equals(calendarId)) throw new IllegalArgumentException("calendar exists: " + calendarId);
        CalendarState calendar = new CalendarState(calendarId, accountId, summary, timeZone, context);
        calendars.put(calendarId, calendar);
        account.calendarIds().add(calendarId);
        // An account's first calendar is its primary until one is declared primary explicitly.
        if (primary || !primaryByAccount.containsKey(accountId)) primaryByAccount.put(accountId, calendarId);
        return calendar;
    }

    public String accountForToken(String token) { return token == null ? null : accountByToken.get(token); }

    public Account account(String accountId) { return accounts.get(accountId); }

    public List<Account> accounts() {
        List<Account> out = new ArrayList<>();
        for (String id : accountOrder) out.add(accounts.get(id));
        return out;
    }

    public boolean isPrimary(String calendarId) {
        CalendarState c = calendars.get(calendarId);
        return c != null && calendarId.equals(primaryByAccount.get(c.accountId()));
    }

    /** A calendar as an API caller addresses it: "primary" is an alias; other accounts' calendars do not exist (404). */
    public CalendarState resolve(String accountId, String calendarRef) {
        String id = "primary".equals(calendarRef) ? primaryByAccount.get(accountId) : calendarRef;
        CalendarState c = id == null ? null : calendars.get(id);
        if (c == null || !c.accountId().equals(accountId)) throw EmulatorApiException.notFound();
        return c;
    }

    /** A calendar by its global id, for in-process access. */
    public CalendarState calendar(String calendarId) {
        CalendarState c = calendars.get(calendarId);
        if (c == null) throw new IllegalArgumentException("unknown calendar " + calendarId + ("primary".equals(calendarId) ? " (use the global id in-process)" : ""));
        return c;
    }

    public List<CalendarState> calendarsOf(String accountId) {
        Account a = accounts.get(accountId);
        List<CalendarState> out = new ArrayList<>();
        if (a != null) for (String id : a.calendarIds()) out.add(calendars.get(id));
        return out;
    }
}
